package dev.logsagent.logs.sender;

import dev.logsagent.config.AgentConfig;
import dev.logsagent.config.ConfigLoader;
import dev.logsagent.telemetry.LogsMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which destinations a config gives: intake (HTTP or TCP), Kafka, console, additional endpoints. */
class DestinationsFactoryTest {
    private static final String KAFKA = """
              kafka:
                bootstrap_servers: 127.0.0.1:9092
                topic: logs
            """;

    @TempDir
    Path dir;
    private final List<Destination> created = new ArrayList<>();

    @AfterEach
    void closeAll() {
        created.forEach(Destination::close);
    }

    private AgentConfig config(String yaml) throws IOException {
        return ConfigLoader.load(Files.writeString(dir.resolve("datadog.yaml"), yaml), Map.of()).config();
    }

    private List<String> names(AgentConfig config, boolean reliable) {
        DestinationsFactory.Destinations d = create(config);
        return (reliable ? d.reliable() : List.<Destination>copyOf(d.unreliable())).stream()
                .map(Destination::name).toList();
    }

    @Test
    void kafkaAloneIsTheOnlyDestinationAndTheConsoleDefaultIsNotAdded() throws IOException {
        AgentConfig config = config("logs_config:\n" + KAFKA);

        assertThat(DestinationsFactory.local(config)).isEmpty();
        assertThat(names(config, true)).containsExactly("kafka://127.0.0.1:9092/logs");
    }

    @Test
    void kafkaBesideTheIntakeMakesBothReliable() throws IOException {
        AgentConfig config = config("api_key: 0123456789abcdef0123456789abcdef\nlogs_config:\n"
                + "  logs_dd_url: intake.example.com:443\n" + KAFKA);

        assertThat(names(config, true))
                .containsExactly("https://intake.example.com:443/api/v2/logs", "kafka://127.0.0.1:9092/logs");
    }

    @Test
    void kafkaWithConsoleOutputKeepsTheConsole() throws IOException {
        AgentConfig config = config("logs_config:\n  console_output: true\n" + KAFKA);

        assertThat(names(config, true)).containsExactly("kafka://127.0.0.1:9092/logs", "console");
    }

    @Test
    void noIntakeAndNoKafkaFallsBackToTheConsole() throws IOException {
        assertThat(names(config("logs_config: {}\n"), true)).containsExactly("console");
    }

    @Test
    void useTcpOrForceUseTcpChooseTheTcpIntakeUnlessHttpIsAskedFor() throws IOException {
        String base = "api_key: 0123456789abcdef0123456789abcdef\nlogs_config:\n  logs_dd_url: intake.example.com:10516\n";

        assertThat(names(config(base + "  use_tcp: true\n"), true))
                .containsExactly("tcp+tls://intake.example.com:10516");
        assertThat(names(config(base + "  force_use_tcp: true\n  logs_no_ssl: true\n"), true))
                .containsExactly("tcp://intake.example.com:10516");
        assertThat(names(config(base + "  use_tcp: true\n  use_http: true\n"), true))
                .containsExactly("https://intake.example.com:10516/api/v2/logs");
    }

    @Test
    void tcpWithoutAUrlGoesToTheSitesTcpIntake() throws IOException {
        AgentConfig config = config("api_key: 0123456789abcdef0123456789abcdef\nsite: datadoghq.eu\n"
                + "logs_config:\n  force_use_tcp: true\n");

        assertThat(names(config, true)).containsExactly("tcp+tls://agent-intake.logs.datadoghq.eu:10516");
    }

    @Test
    void additionalEndpointsAreReliableOrBestEffortAsConfigured() throws IOException {
        AgentConfig config = config("""
                api_key: 0123456789abcdef0123456789abcdef
                logs_config:
                  logs_dd_url: main.example.com:443
                  additional_endpoints:
                    - host: backup.example.com
                    - host: archive.example.com
                      port: 8080
                      use_ssl: false
                      is_reliable: false
                """);

        assertThat(names(config, true)).containsExactly("https://main.example.com:443/api/v2/logs",
                "https://backup.example.com:443/api/v2/logs");
        assertThat(names(config, false)).containsExactly("http://archive.example.com:8080/api/v2/logs");
    }

    @Test
    void httpIntakesShareTheCompressionTheBatcherAppliesUpFront() throws IOException {
        AgentConfig http = config("api_key: 0123456789abcdef0123456789abcdef\nlogs_config:\n"
                + "  logs_dd_url: 127.0.0.1:8080\n  logs_no_ssl: true\n  compression_kind: zstd\n");
        AgentConfig tcp = config("api_key: 0123456789abcdef0123456789abcdef\nlogs_config:\n"
                + "  logs_dd_url: 127.0.0.1:10516\n  logs_no_ssl: true\n  force_use_tcp: true\n");

        assertThat(create(http).payloadCompression().contentEncoding()).isEqualTo("zstd");
        assertThat(create(tcp).payloadCompression().contentEncoding()).isNull();
    }

    private DestinationsFactory.Destinations create(AgentConfig config) {
        DestinationsFactory.Destinations d = DestinationsFactory.create(config,
                new LogsMetrics(new PrometheusRegistry()), "logs-agent/test", DestinationsFactory.local(config));
        created.addAll(d.all());
        return d;
    }
}
