package dev.logsagent.cli;

import dev.logsagent.api.AgentClient;
import dev.logsagent.config.AgentConfig;
import dev.logsagent.config.ConfigLoader;
import dev.logsagent.errors.ConfigException;
import dev.logsagent.errors.ConfigProblem;
import dev.logsagent.errors.TransportException;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * What the commands talking to a running agent share: {@code -c FILE} to find it ({@code cmd_host}, {@code cmd_port},
 * {@code run_path}), and how their failures become exit codes.
 */
final class ClientOptions {
    /** Something done with a connected client; returns the exit code. */
    @FunctionalInterface
    interface ClientAction {
        int run(AgentClient client) throws InterruptedException;
    }

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "The main config file (datadog.yaml) of the agent to talk to.")
    Path configFile;

    private final Function<Path, AgentConfig> loader;

    ClientOptions() {
        this(path -> ConfigLoader.load(path, System.getenv()).config());
    }

    /** @param loader turns the {@code -c} value (null when not given) into the agent's config */
    ClientOptions(Function<Path, AgentConfig> loader) {
        this.loader = loader;
    }

    /**
     * Loads the config, connects and runs {@code action}. Exit codes: the action's; 2 when the config is refused
     * (every problem on {@code err}); 1 when the agent cannot be reached.
     */
    int withClient(PrintWriter err, ClientAction action) {
        AgentConfig config;
        try {
            config = loader.apply(configFile);
        } catch (ConfigException e) {
            for (ConfigProblem problem : e.problems()) {
                err.println(problem.describe());
            }
            err.flush();
            return 2;
        }
        try (AgentClient client = AgentClient.of(config)) {
            return action.run(client);
        } catch (TransportException e) {
            err.println("Error: " + e.getMessage());
            err.flush();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
