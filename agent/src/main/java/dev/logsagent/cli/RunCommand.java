package dev.logsagent.cli;

import dev.logsagent.Agent;
import dev.logsagent.config.LoadedConfig;
import dev.logsagent.errors.ConfigException;
import dev.logsagent.errors.ConfigProblem;
import dev.logsagent.errors.StartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code logs-agent run [-c FILE]}: runs in the foreground until SIGTERM or SIGINT, then stops reading, flushes
 * what is in flight within {@code stop_grace_period}, saves the registry and exits 0.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Runs the agent in the foreground.")
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "The main config file (datadog.yaml).")
    private Path configFile;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        LoadedConfig loaded;
        try {
            loaded = ConfigFiles.load(configFile);
        } catch (ConfigException e) {
            err.println("logs-agent: the configuration was refused:");
            for (ConfigProblem p : e.problems()) {
                err.println("  " + p.describe());
            }
            err.flush();
            return 2;
        }
        for (ConfigProblem w : loaded.warnings()) {
            LOG.warn("{}", w.describe());
        }
        Agent agent = new Agent(loaded.config(), loaded.warnings());
        try {
            agent.start();
        } catch (StartupException e) {
            err.println("logs-agent: " + e.getMessage());
            err.flush();
            return 1;
        }
        CountDownLatch stopRequested = new CountDownLatch(1);
        // Handling the signals ourselves (rather than in a shutdown hook) lets the process exit 0 after a clean stop.
        Signal.handle(new Signal("TERM"), s -> stopRequested.countDown());
        Signal.handle(new Signal("INT"), s -> stopRequested.countDown());
        stopRequested.await();
        LOG.info("stopping");
        agent.stop();
        return 0;
    }
}
