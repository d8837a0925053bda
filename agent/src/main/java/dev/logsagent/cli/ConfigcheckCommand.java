package dev.logsagent.cli;

import dev.logsagent.config.ConfdLoader;
import dev.logsagent.config.ConfdResult;
import dev.logsagent.config.FailedSource;
import dev.logsagent.config.LoadedConfig;
import dev.logsagent.config.LogsTemplate;
import dev.logsagent.config.SourceConfig;
import dev.logsagent.errors.ConfigException;
import dev.logsagent.errors.ConfigProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code logs-agent configcheck [-c FILE]}: the log configs each provider yields and where each came from. The
 * file provider (conf.d) is read here; templates are listed with their AD identifiers.
 */
@Command(name = "configcheck", mixinStandardHelpOptions = true,
        description = "Lists the resolved log configs from every provider, and where each came from.")
final class ConfigcheckCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "The main config file (datadog.yaml).")
    private Path configFile;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadedConfig loaded;
        try {
            loaded = ConfigFiles.load(configFile);
        } catch (ConfigException e) {
            e.problems().forEach(p -> err.println(p.describe()));
            err.flush();
            return 2;
        }
        Path confd = loaded.config().confdPath();
        if (!Files.isDirectory(confd)) {
            out.println("no conf.d folder at " + confd + ": no log configs");
            out.flush();
            return 0;
        }
        ConfdResult result = ConfdLoader.load(confd);
        out.println("=== file provider (" + confd + ") ===");
        for (SourceConfig sc : result.sources()) {
            out.println();
            out.println(sc.integration() + "  (from " + sc.origin() + ")");
            out.println("  type: " + sc.type().key() + describe(sc));
        }
        for (LogsTemplate t : result.templates()) {
            out.println();
            out.println(t.integration() + "  (template from " + t.file() + ")");
            out.println("  ad_identifiers: " + t.adIdentifiers() + " (matched by autodiscovery at run time)");
        }
        for (FailedSource f : result.failed()) {
            out.println();
            out.println(f.integration() + "  (from " + f.file() + ": not scheduled)");
            for (ConfigProblem p : f.problems()) {
                out.println("  error: " + p.describe());
            }
        }
        out.flush();
        return 0;
    }

    private static String describe(SourceConfig sc) {
        StringBuilder sb = new StringBuilder();
        if (sc.path() != null) {
            sb.append("\n  path: ").append(sc.path());
        }
        if (sc.port() > 0) {
            sb.append("\n  port: ").append(sc.port());
        }
        if (sc.service() != null) {
            sb.append("\n  service: ").append(sc.service());
        }
        if (sc.source() != null) {
            sb.append("\n  source: ").append(sc.source());
        }
        if (!sc.tags().isEmpty()) {
            sb.append("\n  tags: ").append(sc.tags());
        }
        if (!sc.processingRules().isEmpty()) {
            sb.append("\n  log_processing_rules: ").append(sc.processingRules().size());
        }
        return sb.toString();
    }
}
