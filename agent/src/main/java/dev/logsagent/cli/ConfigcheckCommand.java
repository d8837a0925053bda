package dev.logsagent.cli;

import dev.logsagent.api.AgentClient;
import dev.logsagent.autodiscovery.AutoConfig;
import dev.logsagent.autodiscovery.configresolver.ConfigResolver;
import dev.logsagent.autodiscovery.providers.FileConfigProvider;
import dev.logsagent.autodiscovery.store.ConfigCheck;
import dev.logsagent.autodiscovery.store.ConfigCheckEndpoint;
import dev.logsagent.autodiscovery.store.ConfigCheckText;
import dev.logsagent.config.AgentConfig;
import dev.logsagent.errors.ConfigException;
import dev.logsagent.errors.TransportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code logs-agent configcheck [-c FILE]}: the log configs autodiscovery resolved and where each came from, as the
 * running agent reports them. When no agent answers, the conf.d folder is read here instead: its templates are then
 * listed as matching nothing, since only a running agent sees containers.
 */
@Command(name = "configcheck", mixinStandardHelpOptions = true,
        description = "Lists the resolved log configs from every provider, and where each came from.")
final class ConfigcheckCommand implements Callable<Integer> {
    // A newer agent may add fields; an older CLI still shows the ones it knows.
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "The main config file (datadog.yaml).")
    private Path configFile;

    @Spec
    private CommandSpec spec;

    private final Function<Path, AgentConfig> loader;

    ConfigcheckCommand() {
        this(path -> ConfigFiles.load(path).config());
    }

    /** @param loader turns the {@code -c} value (null when not given) into the agent's config */
    ConfigcheckCommand(Function<Path, AgentConfig> loader) {
        this.loader = loader;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AgentConfig config;
        try {
            config = loader.apply(configFile);
        } catch (ConfigException e) {
            e.problems().forEach(p -> err.println(p.describe()));
            err.flush();
            return 2;
        }
        ConfigCheck check;
        try (AgentClient client = AgentClient.of(config)) {
            check = JSON.readValue(client.get(ConfigCheckEndpoint.PATH), ConfigCheck.class);
            out.println("Configs of the agent running on " + config.cmdHost() + ":" + config.cmdPort());
        } catch (TransportException e) {
            check = readConfd(config.confdPath());
            out.println("No agent answered (" + e.getMessage() + "): configs read from " + config.confdPath()
                    + "; templates are matched to containers by a running agent only");
        } catch (JacksonException e) {
            err.println("Error: the agent answered a configcheck this version cannot read: " + e.getOriginalMessage());
            err.flush();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        out.println();
        out.print(ConfigCheckText.render(check));
        out.flush();
        return 0;
    }

    /** The file provider alone, collected once, through the same resolution as in the agent. */
    private static ConfigCheck readConfd(Path confd) {
        try (AutoConfig autoConfig = new AutoConfig(new ConfigResolver(System.getenv()))) {
            autoConfig.addProvider(new FileConfigProvider(confd), Duration.ofDays(1));
            autoConfig.start();
            return autoConfig.configCheck();
        }
    }
}
