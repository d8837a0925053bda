package dev.logsagent.api;

import dev.logsagent.config.Encoding;
import dev.logsagent.config.SourceConfig;
import dev.logsagent.config.SourceType;
import dev.logsagent.config.StartPosition;
import dev.logsagent.errors.TransportException;
import dev.logsagent.logs.diagnostic.StreamLogsBroker;
import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.message.Origin;
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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class AgentClientTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path runPath;

    private final StreamLogsBroker broker = new StreamLogsBroker(Clock.systemUTC());
    private final LogSource nginx = new LogSource("nginx", SourceConfig.file("nginx", Path.of("/var/log/a.log"),
            "web", "nginx"));
    private final LogSource syslog = new LogSource("syslog", new SourceConfig("syslog", "conf.d/syslog.yaml",
            SourceType.UDP, null, List.of(), Encoding.UTF_8, StartPosition.END, 514, null, "web", "syslog", null,
            List.of(), List.of(), null, null, Map.of()));
    private LocalApiServer server;
    private AuthToken token;

    @BeforeEach
    void startServer() {
        token = AuthToken.create(runPath);
        server = new LocalApiServer("127.0.0.1", 0, token,
                new StatusBuilder(new Sources(), new LogsMetrics(new PrometheusRegistry()))::build, Map::of, broker);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void getsAnAnswerWithTheToken() throws Exception {
        try (AgentClient client = new AgentClient("127.0.0.1", server.port(), token)) {
            assertThat(JSON.readTree(client.get(LocalApiServer.STATUS_PATH)).has("logsStats")).isTrue();
        }
    }

    @Test
    void saysTheAgentIsNotRunningWhenTheConnectionIsRefused() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        try (AgentClient client = new AgentClient("127.0.0.1", closedPort, token)) {
            assertThatThrownBy(() -> client.get(LocalApiServer.STATUS_PATH))
                    .isInstanceOf(TransportException.class)
                    .hasMessage("the agent is not running on 127.0.0.1:" + closedPort + " (connection refused)");
        }
    }

    @Test
    void reportsAnAnswerOtherThan200WithItsStatusCode() throws Exception {
        AuthToken other = AuthToken.create(runPath.resolve("other"));

        try (AgentClient client = new AgentClient("127.0.0.1", server.port(), other)) {
            assertThatThrownBy(() -> client.get(LocalApiServer.STATUS_PATH))
                    .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.statusCode()).isEqualTo(401))
                    .hasMessageContaining("answered 401 to /agent/status")
                    .hasMessageContaining("wrong auth token");
        }
    }

    @Test
    void streamsPublishedLogsMatchingTheFilterUntilTheServerStops() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        Map<String, String> query = new HashMap<>();
        query.put("service", "web");
        query.put("type", "file");
        query.put("source", null);
        CompletableFuture<Void> streaming = CompletableFuture.runAsync(() -> {
            try (AgentClient client = new AgentClient("127.0.0.1", server.port(), token)) {
                client.stream(LocalApiServer.STREAM_LOGS_PATH, query, received::add);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(broker::hasSubscribers);

        broker.publish(nginx, Message.of("GET /index.html", new Origin(nginx, new InputIdentity("file:/var/log/a.log", "end"), 16)));
        broker.publish(syslog, Message.of("not a file", new Origin(syslog, new InputIdentity("udp:514", "end"), 0)));
        broker.publish(nginx, Message.of("GET /about.html", new Origin(nginx, new InputIdentity("file:/var/log/a.log", "end"), 32)));

        assertThat(message(received.poll(5, TimeUnit.SECONDS))).isEqualTo("GET /index.html");
        assertThat(message(received.poll(5, TimeUnit.SECONDS))).isEqualTo("GET /about.html");
        server.close();
        streaming.get(5, TimeUnit.SECONDS);
        assertThat(received).isEmpty();
        assertThat(broker.hasSubscribers()).isFalse();
    }

    @Test
    void aReaderTooSlowForTheAgentIsToldHowManyLogsItMissed() throws Exception {
        int published = 50_000;
        String content = "x".repeat(1000);
        CountDownLatch publishedAll = new CountDownLatch(1);
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        CompletableFuture<Void> streaming = CompletableFuture.runAsync(() -> {
            try (AgentClient client = new AgentClient("127.0.0.1", server.port(), token)) {
                client.stream(LocalApiServer.STREAM_LOGS_PATH, Map.of(), line -> {
                    awaitQuietly(publishedAll);
                    received.add(line);
                });
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(broker::hasSubscribers);

        long start = System.nanoTime();
        for (int i = 0; i < published; i++) {
            broker.publish(nginx, Message.of(content, new Origin(nginx, new InputIdentity("file:/var/log/a.log", "end"), i)));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the publisher never waited for the reader")
                .isLessThan(Duration.ofSeconds(10));
        publishedAll.countDown();

        long logs = 0;
        long skipped = 0;
        while (logs + skipped < published) {
            String line = received.poll(10, TimeUnit.SECONDS);
            assertThat(line).as("after %d logs and %d skipped", logs, skipped).isNotNull();
            JsonNode json = JSON.readTree(line);
            if (json.has("skipped")) {
                skipped += json.get("skipped").asLong();
            } else {
                logs++;
            }
        }
        assertThat(skipped).isPositive();
        assertThat(logs + skipped).isEqualTo(published);
        server.close();
        streaming.get(5, TimeUnit.SECONDS);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String message(String line) {
        assertThat(line).isNotNull();
        return JSON.readTree(line).get("message").asString();
    }
}
