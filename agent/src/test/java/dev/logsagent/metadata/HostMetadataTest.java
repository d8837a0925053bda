package dev.logsagent.metadata;

import dev.logsagent.api.AuthToken;
import dev.logsagent.api.LocalApiServer;
import dev.logsagent.config.SourceConfig;
import dev.logsagent.config.SourceType;
import dev.logsagent.logs.diagnostic.StreamLogsBroker;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.logs.sources.Sources;
import dev.logsagent.status.StatusBuilder;
import dev.logsagent.telemetry.LogsMetrics;
import dev.logsagent.version.BuildInfo;
import dev.logsagent.testing.ManualClock;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HostMetadataTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final BuildInfo BUILD = new BuildInfo("1.2.3", "abc1234", false, "2024-05-01T00:00:00Z", "21.0.3",
            "Eclipse Adoptium");

    @TempDir
    Path runPath;
    private final ManualClock clock = new ManualClock(Instant.parse("2024-05-01T10:00:00Z"));
    private final Sources sources = new Sources();

    private HostMetadata metadata() {
        sources.add(new LogSource("nginx", SourceConfig.file("nginx", Path.of("/var/log/nginx/access.log"), "web",
                "nginx")));
        sources.add(new LogSource("app", SourceConfig.file("app", Path.of("/var/log/app.log"), "app", "app")));
        sources.add(new LogSource("audit", SourceConfig.file("audit", Path.of("/var/log/audit.log"), "audit",
                "audit")));
        return new HostMetadata(new ResolvedHostname("node-1", "kubelet"), List.of("env:prod", "team:logs"), BUILD,
                sources, clock);
    }

    @Test
    void describesTheHostTheAgentAndItsSources() {
        HostMetadata metadata = metadata();
        clock.advance(Duration.ofMinutes(90));

        Map<String, Object> map = metadata.toMap();

        assertThat(map).containsEntry("hostname", "node-1").containsEntry("hostname_source", "kubelet")
                .containsEntry("host_tags", List.of("env:prod", "team:logs")).containsEntry("version", "1.2.3")
                .containsEntry("agent", BUILD.toMap()).containsEntry("started_at", "2024-05-01T10:00:00Z")
                .containsEntry("uptime_seconds", 5400L).containsEntry("enabled_sources", Map.of("file", 3));
        assertThat(map.get("os")).isEqualTo(Map.of("name", System.getProperty("os.name"),
                "version", System.getProperty("os.version"), "arch", System.getProperty("os.arch")));
    }

    @Test
    void countsSourcesByTypeAsTheyComeAndGo() {
        HostMetadata metadata = metadata();
        LogSource docker = new LogSource("redis", new SourceConfig("redis", "docker://x", SourceType.DOCKER, "/x",
                List.of(), null, null, 0, null, null, null, null, List.of(), List.of(), null, "docker://x", null));
        sources.add(docker);
        assertThat(metadata.toMap().get("enabled_sources")).isEqualTo(Map.of("file", 3, "docker", 1));

        sources.remove(docker);

        assertThat(metadata.toMap().get("enabled_sources")).isEqualTo(Map.of("file", 3));
    }

    @Test
    void isServedOnTheLocalApiBehindTheTokenAndInTheStatus() throws Exception {
        HostMetadata metadata = metadata();
        StatusBuilder status = new StatusBuilder(sources, new LogsMetrics(new PrometheusRegistry()))
                .withMetadata(metadata::toMap);
        try (LocalApiServer api = new LocalApiServer("127.0.0.1", 0, AuthToken.create(runPath), status::build,
                BUILD::toMap, new StreamLogsBroker(Clock.systemUTC()));
             HttpClient http = HttpClient.newHttpClient()) {
            api.route(HostMetadata.PATH, new HostMetadataHandler(metadata));
            api.start();
            String token = Files.readString(runPath.resolve("auth_token")).trim();
            URI base = URI.create("http://127.0.0.1:" + api.port());

            HttpResponse<String> served = http.send(HttpRequest.newBuilder(base.resolve(HostMetadata.PATH))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(base.resolve(HostMetadata.PATH))
                    .build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(base.resolve(HostMetadata.PATH))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> statusDocument = http.send(HttpRequest.newBuilder(base.resolve("/agent/status"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode body = JSON.readTree(served.body());
            assertThat(body.path("hostname").asString()).isEqualTo("node-1");
            assertThat(body.path("agent").path("commit").asString()).isEqualTo("abc1234");
            assertThat(body.path("enabled_sources").path("file").asInt()).isEqualTo(3);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(posted.statusCode()).isEqualTo(405);
            assertThat(JSON.readTree(statusDocument.body()).toString()).contains("\"hostname_source\":\"kubelet\"");
        }
    }
}
