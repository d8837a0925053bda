package dev.logsagent;

import dev.logsagent.api.AuthToken;
import dev.logsagent.api.LocalApiServer;
import dev.logsagent.autodiscovery.AutoConfig;
import dev.logsagent.autodiscovery.configresolver.ConfigResolver;
import dev.logsagent.autodiscovery.providers.ContainerLabelsProvider;
import dev.logsagent.autodiscovery.providers.FileConfigProvider;
import dev.logsagent.autodiscovery.providers.KubeletAnnotationsProvider;
import dev.logsagent.autodiscovery.scheduler.LogsScheduler;
import dev.logsagent.autodiscovery.store.ConfigCheck;
import dev.logsagent.autodiscovery.store.ConfigCheckEndpoint;
import dev.logsagent.autodiscovery.listeners.EnvironmentListeners;
import dev.logsagent.autodiscovery.listeners.ServiceListener;
import dev.logsagent.autodiscovery.workloads.WorkloadStore;
import dev.logsagent.config.AgentConfig;
import dev.logsagent.config.AsTagsConfig;
import dev.logsagent.errors.ConfigProblem;
import dev.logsagent.errors.StartupException;
import dev.logsagent.logs.LogsAgent;
import dev.logsagent.logs.diagnostic.StreamLogsBroker;
import dev.logsagent.logs.launchers.container.ContainerTags;
import dev.logsagent.logs.sources.Sources;
import dev.logsagent.metadata.HostMetadata;
import dev.logsagent.metadata.HostMetadataHandler;
import dev.logsagent.metadata.HostnameResolver;
import dev.logsagent.metadata.ResolvedHostname;
import dev.logsagent.status.StatusBuilder;
import dev.logsagent.status.StatusDocument;
import dev.logsagent.tagger.Tagger;
import dev.logsagent.tagger.TaggerSettings;
import dev.logsagent.telemetry.LogsMetrics;
import dev.logsagent.telemetry.Telemetry;
import dev.logsagent.telemetry.TelemetryServer;
import dev.logsagent.version.BuildInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The whole agent process: telemetry, the logs agent and the local API, started in dependency order (ports are
 * bound before anything reads a log, so a port in use fails fast) and stopped in reverse.
 */
public final class Agent {
    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
    private static final Duration CONFD_POLL_INTERVAL = Duration.ofSeconds(10);
    private static final Duration CONTAINER_CONFIGS_POLL_INTERVAL = Duration.ofSeconds(1);

    private final AgentConfig config;
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    /** What runs on this host, filled by the service listeners; read by the providers and the tagger. */
    private final WorkloadStore workloads = new WorkloadStore();
    private TelemetryServer telemetryServer;
    private LogsAgent logsAgent;
    private AutoConfig autoConfig;
    private LocalApiServer api;
    private Tagger tagger;

    public Agent(AgentConfig config, List<ConfigProblem> configWarnings) {
        this.config = config;
        configWarnings.forEach(w -> warnings.add(w.describe()));
    }

    /** Starts everything, or throws a {@link StartupException} with one line for the user and starts nothing. */
    public void start() {
        prepareRunPath();
        checkConfdPath();
        Telemetry telemetry = new Telemetry();
        LogsMetrics metrics = new LogsMetrics(telemetry.registry());
        StreamLogsBroker broker = new StreamLogsBroker(java.time.Clock.systemUTC());
        Sources sources = new Sources();
        Map<String, String> env = System.getenv();
        ResolvedHostname resolved = HostnameResolver.resolve(config.hostname(), env,
                () -> env.get("DD_KUBERNETES_KUBELET_NODENAME"), Path.of("/etc/hostname"));
        String hostname = resolved.name();
        BuildInfo build = BuildInfo.current();
        HostMetadata metadata = new HostMetadata(resolved, config.tags(), build, sources, InstantSource.system());

        telemetryServer = new TelemetryServer(telemetry.registry(), config.expvarPort());
        telemetryServer.start();
        try {
            StatusBuilder status = new StatusBuilder(sources, metrics)
                    .withRunning(() -> logsAgent != null && logsAgent.isRunning())
                    .withEndpoints(() -> logsAgent == null ? List.of() : logsAgent.endpoints())
                    .withErrors(this::errors)
                    .withWarnings(this::warnings)
                    .withDestinations(() -> logsAgent == null ? List.of() : logsAgent.destinationStatuses().stream()
                            .map(d -> new StatusDocument.Destination(d.name(), d.state() + (d.reliable() ? ""
                                    : " (unreliable)"), Map.of("PayloadsSent", d.payloadsSent(), "PayloadsDropped",
                                    d.payloadsDropped(), "Retries", d.retries()))).toList())
                    .withMetadata(metadata::toMap);
            api = new LocalApiServer(config.cmdHost(), config.cmdPort(), AuthToken.create(config.runPath()),
                    status::build, build::toMap, broker);
            api.route(ConfigCheckEndpoint.PATH, new ConfigCheckEndpoint(this::configCheck));
            api.route(HostMetadata.PATH, new HostMetadataHandler(metadata));
            AsTagsConfig asTags = config.asTags();
            tagger = new Tagger(workloads, new TaggerSettings(asTags.containerLabels(), asTags.containerEnv(),
                    asTags.podLabels(), asTags.podAnnotations(), TaggerSettings.DEFAULT_GRACE_PERIOD), config.tags(),
                    InstantSource.system());
            tagger.start();
            if (config.logsEnabled()) {
                logsAgent = new LogsAgent(config, hostname, sources, metrics, broker,
                        "logs-agent/" + build.version(), new ContainerTags(tagger));
                logsAgent.start();
                autoConfig = new AutoConfig(new ConfigResolver(System.getenv()));
                autoConfig.addProvider(new FileConfigProvider(config.confdPath()), CONFD_POLL_INTERVAL);
                autoConfig.addProvider(new ContainerLabelsProvider(workloads), CONTAINER_CONFIGS_POLL_INTERVAL);
                autoConfig.addProvider(new KubeletAnnotationsProvider(workloads), CONTAINER_CONFIGS_POLL_INTERVAL);
                autoConfig.addScheduler(new LogsScheduler(sources, config.logsConfig().containerCollectAll()));
                for (ServiceListener listener : EnvironmentListeners.detect(config, System.getenv(), hostname,
                        workloads)) {
                    autoConfig.addListener(listener);
                }
                autoConfig.start();
            } else {
                LOG.info("logs_enabled is false: no logs are collected");
            }
            api.start();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        LOG.info("logs-agent {} running as {}: local API on {}:{}, telemetry on 127.0.0.1:{}", build.version(),
                hostname, config.cmdHost(), api.port(), telemetryServer.port());
    }

    private List<String> errors() {
        List<String> all = new ArrayList<>();
        if (logsAgent != null) {
            all.addAll(logsAgent.problems());
        }
        if (autoConfig != null) {
            all.addAll(autoConfig.problems());
        }
        return all;
    }

    private List<String> warnings() {
        List<String> all = new ArrayList<>(warnings);
        if (autoConfig != null) {
            all.addAll(autoConfig.warnings());
        }
        return all;
    }

    private ConfigCheck configCheck() {
        AutoConfig current = autoConfig;
        return current != null ? current.configCheck() : new ConfigCheck(List.of(), List.of(),
                List.of("logs_enabled is false: no log configs are scheduled"), List.of());
    }

    private void prepareRunPath() {
        Path run = config.runPath();
        try {
            Files.createDirectories(run);
            Path probe = Files.createTempFile(run, ".write-check", "");
            Files.delete(probe);
        } catch (IOException e) {
            throw new StartupException("run_path " + run + " is not writable: " + e.getMessage(), e);
        }
    }

    /** A conf.d folder set explicitly must exist; the default one may be absent (no file sources then). */
    private void checkConfdPath() {
        Path confd = config.confdPath();
        if (!Files.isDirectory(confd)) {
            if (config.confdPathExplicit()) {
                throw new StartupException("confd_path " + confd + " does not exist or is not a folder");
            }
            LOG.info("no conf.d folder at {}: no file sources configured", confd);
        }
    }

    /** Stops in reverse order; safe to call more than once. */
    public synchronized void stop() {
        if (api != null) {
            api.close();
            api = null;
        }
        if (autoConfig != null) {
            autoConfig.stop();
            autoConfig = null;
        }
        if (logsAgent != null) {
            logsAgent.stop();
            logsAgent = null;
        }
        if (tagger != null) {
            tagger.close();
            tagger = null;
        }
        if (telemetryServer != null) {
            telemetryServer.close();
            telemetryServer = null;
        }
    }
}
