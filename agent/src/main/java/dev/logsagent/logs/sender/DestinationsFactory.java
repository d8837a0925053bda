package dev.logsagent.logs.sender;

import dev.logsagent.config.AgentConfig;
import dev.logsagent.config.EndpointConfig;
import dev.logsagent.config.LogsConfig;
import dev.logsagent.serializer.Compression;
import dev.logsagent.telemetry.LogsMetrics;
import dev.logsagent.util.retry.BackoffPolicy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Chooses the destinations from the config, as the contract says: the HTTP intake unless TCP is asked for
 * ({@code use_tcp} or {@code force_use_tcp}, unless HTTP is asked for too); a Kafka topic
 * ({@code logs_config.kafka}, an extension) beside it or alone; the console when neither an intake (no
 * {@code api_key}, no {@code logs_dd_url}) nor Kafka is configured — the embedded default; plus
 * {@code additional_endpoints}, {@code console_output} and {@code file_output} beside them.
 */
public final class DestinationsFactory {
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);
    private static final int UNRELIABLE_QUEUE = 16;

    /** The destinations of one sender. */
    /**
     * @param payloadCompression how the pipeline's HTTP intakes compress payloads (one instance for all of them), or
     *                           {@link Compression#none()}: the sender can compress each payload once, up front
     */
    public record Destinations(List<Destination> reliable, List<UnreliableDestination> unreliable,
                               Compression payloadCompression) {
        public List<Destination> all() {
            List<Destination> all = new ArrayList<>(reliable);
            all.addAll(unreliable);
            return all;
        }
    }

    private DestinationsFactory() {
    }

    /** True when an intake is configured; otherwise logs go to the console. */
    public static boolean intakeConfigured(AgentConfig config) {
        String key = config.effectiveApiKey();
        return config.logsConfig().logsDdUrl() != null || (key != null && !key.isBlank());
    }

    /**
     * True when TCP is chosen: {@code use_tcp} or {@code force_use_tcp}, unless {@code use_http} or
     * {@code force_use_http} asks for HTTP, which wins as in the Datadog Agent.
     */
    public static boolean usesTcp(LogsConfig logs) {
        boolean http = logs.useHttp() || logs.forceUseHttp();
        return !http && (logs.useTcp() || logs.forceUseTcp());
    }

    /**
     * The destinations on this host (console, file): one set for the whole agent, since pipelines must not
     * interleave partial writes to one stream.
     */
    public static List<Destination> local(AgentConfig config) {
        LogsConfig logs = config.logsConfig();
        List<Destination> local = new ArrayList<>();
        boolean noRemote = !intakeConfigured(config) && logs.kafka() == null;
        if (noRemote || logs.consoleOutput()) {
            local.add(JsonLinesDestination.console());
        }
        if (logs.fileOutput() != null) {
            local.add(JsonLinesDestination.file(logs.fileOutput()));
        }
        return local;
    }

    /**
     * The destinations of one pipeline's sender: its own intake connections, so pipelines send in parallel, plus the
     * shared local ones.
     */
    public static Destinations create(AgentConfig config, LogsMetrics metrics, String userAgent,
                                      List<Destination> local) {
        LogsConfig logs = config.logsConfig();
        List<Destination> reliable = new ArrayList<>();
        List<UnreliableDestination> unreliable = new ArrayList<>();
        Compression compression = Compression.none();
        if (intakeConfigured(config)) {
            if (!usesTcp(logs)) {
                compression = Compression.of(logs);
            }
            EndpointConfig main = mainEndpoint(config);
            reliable.add(intake(main, logs, compression, metrics, userAgent));
            for (EndpointConfig extra : logs.additionalEndpoints()) {
                Destination d = intake(extra, logs, compression, metrics, userAgent);
                if (extra.reliable()) {
                    reliable.add(d);
                } else {
                    unreliable.add(new UnreliableDestination(d, UNRELIABLE_QUEUE));
                }
            }
        }
        if (logs.kafka() != null) {
            reliable.add(new KafkaDestination(logs.kafka(), backoff(logs), metrics));
        }
        reliable.addAll(local);
        return new Destinations(reliable, unreliable, compression);
    }

    /** {@code logs_dd_url} when set, else the site's intake for the chosen protocol. */
    static EndpointConfig mainEndpoint(AgentConfig config) {
        LogsConfig logs = config.logsConfig();
        String url = logs.logsDdUrl();
        String host;
        int port;
        if (url != null) {
            int colon = url.lastIndexOf(':');
            host = colon > 0 ? url.substring(0, colon) : url;
            port = colon > 0 ? Integer.parseInt(url.substring(colon + 1)) : (logs.logsNoSsl() ? 80 : 443);
        } else if (usesTcp(logs)) {
            host = "agent-intake.logs." + config.site();
            port = 10516;
        } else {
            host = "agent-http-intake.logs." + config.site();
            port = 443;
        }
        return new EndpointConfig(config.effectiveApiKey(), host, port, !logs.logsNoSsl(), true);
    }

    private static Destination intake(EndpointConfig endpoint, LogsConfig logs, Compression compression,
                                      LogsMetrics metrics, String userAgent) {
        BackoffPolicy backoff = backoff(logs);
        if (usesTcp(logs)) {
            return new TcpDestination(endpoint.host(), endpoint.port(), endpoint.useSsl(), endpoint.apiKey(), backoff,
                    metrics);
        }
        URI uri = URI.create((endpoint.useSsl() ? "https://" : "http://") + endpoint.host() + ":" + endpoint.port()
                + "/api/v2/logs");
        return new HttpDestination(uri, endpoint.apiKey(), compression, backoff, metrics, userAgent,
                HTTP_TIMEOUT);
    }

    private static BackoffPolicy backoff(LogsConfig logs) {
        return new BackoffPolicy(logs.senderBackoffBase(), logs.senderBackoffFactor(), logs.senderBackoffMax(),
                (int) logs.senderRecoveryInterval(), RandomGenerator.getDefault());
    }
}
