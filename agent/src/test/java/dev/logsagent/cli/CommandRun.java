package dev.logsagent.cli;

import dev.logsagent.config.AgentConfig;
import dev.logsagent.config.ConfigLoader;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs a command as {@code Main} does, capturing what it prints. */
final class CommandRun {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    private final CommandLine commandLine;

    CommandRun(Object command) {
        commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
    }

    int execute(String... args) {
        return commandLine.execute(args);
    }

    /** The default config, pointed at a local API on 127.0.0.1:{@code port} with its token under {@code runPath}. */
    static AgentConfig agentAt(int port, Path runPath) {
        AgentConfig defaults = ConfigLoader.load(null, Map.of()).config();
        return new AgentConfig(defaults.configFile(), defaults.apiKey(), defaults.site(), defaults.hostname(),
                defaults.tags(), defaults.env(), defaults.logsEnabled(), runPath, defaults.confdPath(), "127.0.0.1",
                port, defaults.expvarPort(), defaults.dockerHost(), defaults.logsConfig(), defaults.confdPathExplicit(),
                defaults.asTags());
    }
}
