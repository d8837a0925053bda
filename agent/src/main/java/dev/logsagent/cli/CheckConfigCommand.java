package dev.logsagent.cli;

import dev.logsagent.config.AgentConfig;
import dev.logsagent.config.ConfdLoader;
import dev.logsagent.config.ConfdResult;
import dev.logsagent.config.FailedSource;
import dev.logsagent.config.LoadedConfig;
import dev.logsagent.errors.ConfigException;
import dev.logsagent.errors.ConfigProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code logs-agent check-config [-c FILE]}: validates the main config and every conf.d file without running;
 * lists every problem with its file and line or key. Exit 0 when all is valid, 2 otherwise.
 */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = "Validates the config and every conf.d file without running.")
final class CheckConfigCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "The main config file (datadog.yaml).")
    private Path configFile;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ConfigProblem> problems = new ArrayList<>();
        LoadedConfig loaded = null;
        try {
            loaded = ConfigFiles.load(configFile);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        int sources = 0;
        List<ConfigProblem> warnings = new ArrayList<>();
        if (loaded != null) {
            warnings.addAll(loaded.warnings());
            AgentConfig config = loaded.config();
            Path confd = config.confdPath();
            if (Files.isDirectory(confd)) {
                ConfdResult result = ConfdLoader.load(confd);
                sources = result.sources().size() + result.templates().size();
                for (FailedSource failed : result.failed()) {
                    problems.addAll(failed.problems());
                }
                warnings.addAll(result.warnings());
            } else if (config.confdPathExplicit()) {
                problems.add(new ConfigProblem(str(configFile), "confd_path", 0, 0,
                        "folder " + confd + " does not exist"));
            }
        }
        for (ConfigProblem w : warnings) {
            err.println("warning: " + w.describe());
        }
        if (!problems.isEmpty()) {
            err.println("configuration refused, " + problems.size() + " problem(s):");
            for (ConfigProblem p : problems) {
                err.println("  " + p.describe());
            }
            err.flush();
            return 2;
        }
        out.println("configuration OK: " + sources + " log source(s)");
        out.flush();
        err.flush();
        return 0;
    }

    private static String str(Path p) {
        return p == null ? null : p.toString();
    }
}
