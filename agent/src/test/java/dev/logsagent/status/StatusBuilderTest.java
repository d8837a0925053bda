package dev.logsagent.status;

import dev.logsagent.config.Encoding;
import dev.logsagent.config.ProcessingRuleConfig;
import dev.logsagent.config.ProcessingRuleType;
import dev.logsagent.config.SourceConfig;
import dev.logsagent.config.SourceType;
import dev.logsagent.config.StartPosition;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.logs.sources.Sources;
import dev.logsagent.telemetry.LogsMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class StatusBuilderTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Sources sources = new Sources();
    private final LogsMetrics metrics = new LogsMetrics(new PrometheusRegistry());

    @Test
    void groupsSourcesByIntegrationWithTheirRuntimeState() {
        LogSource access = new LogSource("nginx", SourceConfig.file("nginx", Path.of("/var/log/nginx/access.log"),
                "web", "nginx"));
        LogSource errors = new LogSource("nginx", SourceConfig.file("nginx", Path.of("/var/log/nginx/error.log"),
                "web", "nginx"));
        LogSource syslog = new LogSource("app", tcpSource());
        sources.add(access);
        sources.add(syslog);
        sources.add(errors);
        access.setOk();
        access.addInput("/var/log/nginx/access.log");
        access.addBytesRead(42);
        access.setInfo("files", "1 files tailed out of 1 files matching");
        errors.setError("permission denied");
        errors.addMessage("cannot read /var/log/nginx/error.log");

        StatusDocument.LogsStats stats = new StatusBuilder(sources, metrics).build().logsStats();

        assertThat(stats.integrations()).extracting(StatusDocument.Integration::name).containsExactly("app", "nginx");
        List<StatusDocument.Source> nginx = stats.integrations().get(1).sources();
        assertThat(nginx).extracting(StatusDocument.Source::status).containsExactly("OK", "Error: permission denied");
        StatusDocument.Source first = nginx.get(0);
        assertThat(first.type()).isEqualTo("file");
        assertThat(first.inputs()).containsExactly("/var/log/nginx/access.log");
        assertThat(first.bytesRead()).isEqualTo(42);
        assertThat(first.info()).containsExactly("1 files tailed out of 1 files matching");
        assertThat(first.configuration()).containsEntry("path", "/var/log/nginx/access.log")
                .containsEntry("service", "web").containsEntry("source", "nginx")
                .containsEntry("start_position", "beginning").doesNotContainKeys("port", "tags", "encoding");
        assertThat(nginx.get(1).messages()).containsExactly("cannot read /var/log/nginx/error.log");
    }

    @Test
    void configurationListsOnlySetFieldsAndRedactsSecretLookingExtras() {
        sources.add(new LogSource("app", tcpSource()));

        Map<String, Object> configuration = new StatusBuilder(sources, metrics).build().logsStats().integrations()
                .get(0).sources().get(0).configuration();

        assertThat(configuration).containsEntry("type", "tcp").containsEntry("port", 10514)
                .containsEntry("encoding", "utf-16-le").containsEntry("tags", List.of("env:prod"))
                .containsEntry("include_units", List.of("sshd.service"))
                .doesNotContainKeys("path", "start_position", "service");
        assertThat(configuration.get("log_processing_rules")).isEqualTo(List.of(
                Map.of("type", "mask_sequences", "name", "cards", "pattern", "\\d{16}",
                        "replace_placeholder", "[card]")));
        assertThat(String.valueOf(configuration.get("api_key"))).isEqualTo("*".repeat(28) + "cdef")
                .doesNotContain("0123456789ab");
    }

    @Test
    void carriesCountersEndpointsErrorsWarningsAndRunningState() {
        metrics.logsProcessed.inc(7);
        metrics.logsSent.inc(5);
        metrics.bytesSent.inc(300);
        AtomicBoolean running = new AtomicBoolean(true);
        StatusBuilder builder = new StatusBuilder(sources, metrics)
                .withRunning(running::get)
                .withEndpoints(() -> List.of("Reliable: Sending compressed logs in HTTPS to intake on port 443"))
                .withErrors(() -> List.of("intake unreachable"))
                .withWarnings(() -> List.of("unknown key foo"))
                .withDestinations(() -> List.of(new StatusDocument.Destination("http", "retrying", Map.of("sent", 5L))))
                .withMetadata(() -> Map.of("hostname", "web-1"));

        StatusDocument document = builder.build();
        running.set(false);

        StatusDocument.LogsStats stats = document.logsStats();
        assertThat(stats.isRunning()).isTrue();
        assertThat(builder.build().logsStats().isRunning()).isFalse();
        assertThat(stats.metrics()).containsEntry("LogsProcessed", 7L).containsEntry("LogsSent", 5L)
                .containsEntry("BytesSent", 300L).containsEntry("LogsDropped", 0L);
        assertThat(stats.endpoints())
                .containsExactly("Reliable: Sending compressed logs in HTTPS to intake on port 443");
        assertThat(stats.errors()).containsExactly("intake unreachable");
        assertThat(stats.warnings()).containsExactly("unknown key foo");
        assertThat(stats.destinations()).extracting(StatusDocument.Destination::state).containsExactly("retrying");
        assertThat(document.metadata()).containsEntry("hostname", "web-1");
    }

    @Test
    void serialisesWithTheContractsFieldNames() {
        LogSource source = new LogSource("nginx",
                SourceConfig.file("nginx", Path.of("/var/log/a.log"), "web", "nginx"));
        source.addBytesRead(10);
        sources.add(source);

        JsonNode json = JSON.readTree(JSON.writeValueAsString(new StatusBuilder(sources, metrics).build()));

        JsonNode stats = json.get("logsStats");
        assertThat(stats.propertyNames()).contains("is_running", "endpoints", "metrics", "integrations", "errors",
                "warnings", "destinations");
        assertThat(stats.get("metrics").propertyNames()).contains("LogsDecoded", "LogsProcessed", "LogsSent",
                "LogsDropped", "BytesSent", "EncodedBytesSent", "BytesMissed", "RetryCount", "LogsTruncated");
        JsonNode jsonSource = stats.get("integrations").get(0).get("sources").get(0);
        assertThat(stats.get("integrations").get(0).get("name").asString()).isEqualTo("nginx");
        assertThat(jsonSource.propertyNames()).contains("type", "configuration", "status", "inputs", "info",
                "bytes_read");
        assertThat(jsonSource.get("bytes_read").asLong()).isEqualTo(10);
        assertThat(json.has("metadata")).isTrue();
    }

    @Test
    void readsBackWhatItWrites() {
        sources.add(new LogSource("app", tcpSource()));
        StatusDocument document = new StatusBuilder(sources, metrics).withErrors(() -> List.of("boom")).build();

        StatusDocument read = JSON.readValue(JSON.writeValueAsString(document), StatusDocument.class);

        assertThat(read).isEqualTo(document);
    }

    private static SourceConfig tcpSource() {
        return new SourceConfig("app", "conf.d/app.d/conf.yaml", SourceType.TCP, null, List.of(), Encoding.UTF_16_LE,
                StartPosition.END, 10514, null, null, "syslog", null, List.of("env:prod"),
                List.of(new ProcessingRuleConfig(ProcessingRuleType.MASK_SEQUENCES, "cards", "\\d{16}", "[card]")),
                null, null,
                Map.of("include_units", List.of("sshd.service"), "api_key", "0123456789abcdef0123456789abcdef"));
    }
}
