package dev.logsagent.cli;

import dev.logsagent.version.BuildInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code logs-agent version}: version, commit, build date and Java runtime. Also the provider of
 * {@code logs-agent --version}.
 */
@Command(name = "version",
        description = "Prints the version, commit, build date and Java runtime.")
final class VersionCommand implements Callable<Integer>, IVersionProvider {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (String line : getVersion()) {
            out.println(line);
        }
        out.flush();
        return 0;
    }

    @Override
    public String[] getVersion() {
        return BuildInfo.current().describe().split("\n");
    }
}
