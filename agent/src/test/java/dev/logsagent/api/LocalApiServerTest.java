package dev.logsagent.api;

import dev.logsagent.config.SourceConfig;
import dev.logsagent.errors.StartupException;
import dev.logsagent.logs.diagnostic.StreamLogsBroker;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.logs.sources.Sources;
import dev.logsagent.status.StatusBuilder;
import dev.logsagent.telemetry.LogsMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalApiServerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path runPath;

    private final Sources sources = new Sources();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private LocalApiServer server;
    private String token;

    @BeforeEach
    void startServer() throws Exception {
        AuthToken authToken = AuthToken.create(runPath);
        token = Files.readString(runPath.resolve("auth_token"));
        LogSource source = new LogSource("nginx", SourceConfig.file("nginx", Path.of("/var/log/nginx/access.log"),
                "web", "nginx"));
        source.setOk();
        source.addBytesRead(512);
        sources.add(source);
        StatusBuilder status = new StatusBuilder(sources, new LogsMetrics(new PrometheusRegistry()));
        server = new LocalApiServer("127.0.0.1", 0, authToken, status::build,
                () -> Map.of("version", "1.2.3"), new StreamLogsBroker(Clock.systemUTC()));
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
        http.close();
    }

    @Test
    void refusesRequestsWithoutTheToken() throws Exception {
        HttpResponse<String> response = get("/agent/status", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(JSON.readTree(response.body()).get("error").asString()).contains("missing Authorization header");
    }

    @Test
    void refusesRequestsWithAWrongToken() throws Exception {
        String wrong = (token.charAt(0) == 'a' ? "b" : "a") + token.substring(1);

        assertThat(get("/agent/status", "Bearer " + wrong).statusCode()).isEqualTo(401);
        assertThat(get("/agent/version", "Basic " + token).statusCode()).isEqualTo(401);
        assertThat(get("/no/such/path", null).statusCode()).as("unknown paths too").isEqualTo(401);
    }

    @Test
    void servesTheStatusDocumentWithTheContractsFieldNames() throws Exception {
        HttpResponse<String> response = get("/agent/status", "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode stats = JSON.readTree(response.body()).get("logsStats");
        assertThat(stats.get("is_running").asBoolean()).isTrue();
        assertThat(stats.get("metrics").propertyNames()).contains("LogsProcessed", "LogsSent", "LogsDropped",
                "BytesSent", "EncodedBytesSent", "BytesMissed", "RetryCount", "LogsTruncated");
        JsonNode integration = stats.get("integrations").get(0);
        assertThat(integration.get("name").asString()).isEqualTo("nginx");
        JsonNode source = integration.get("sources").get(0);
        assertThat(source.get("type").asString()).isEqualTo("file");
        assertThat(source.get("status").asString()).isEqualTo("OK");
        assertThat(source.get("bytes_read").asLong()).isEqualTo(512);
        assertThat(source.get("configuration").get("path").asString()).isEqualTo("/var/log/nginx/access.log");
        assertThat(stats.has("errors")).isTrue();
        assertThat(stats.has("warnings")).isTrue();
        assertThat(stats.has("endpoints")).isTrue();
    }

    @Test
    void servesTheVersionAndRegisteredRoutesExactly() throws Exception {
        server.route("/agent/configcheck", exchange -> {
            byte[] body = "checked".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        });

        assertThat(JSON.readTree(get("/agent/version", "Bearer " + token).body()).get("version").asString())
                .isEqualTo("1.2.3");
        assertThat(get("/agent/configcheck", "bearer " + token).body()).isEqualTo("checked");
        assertThat(get("/agent/configcheck/more", "Bearer " + token).statusCode()).isEqualTo(404);
        assertThat(get("/agent", "Bearer " + token).statusCode()).isEqualTo(404);
    }

    @Test
    void answersOnlyGetOnItsOwnEndpoints() throws Exception {
        HttpRequest post = HttpRequest.newBuilder(uri("/agent/status")).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();

        HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void answersAFailingHandlerWithA500NamingTheError() throws Exception {
        server.route("/agent/broken", exchange -> {
            throw new IllegalStateException("snapshot unavailable");
        });

        HttpResponse<String> response = get("/agent/broken", "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(response.body()).get("error").asString()).contains("snapshot unavailable");
    }

    @Test
    void saysInOneLineThatThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> new LocalApiServer("127.0.0.1", port, AuthToken.create(runPath), () -> null,
                    Map::of, new StreamLogsBroker(Clock.systemUTC())))
                    .isInstanceOf(StartupException.class)
                    .hasMessage("local API port 127.0.0.1:" + port + " is already in use");
        }
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
