package dev.logsagent.cli;

import com.sun.net.httpserver.HttpServer;
import dev.logsagent.api.AuthToken;
import dev.logsagent.api.LocalApiServer;
import dev.logsagent.config.SourceConfig;
import dev.logsagent.logs.diagnostic.StreamLogsBroker;
import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.message.Origin;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.logs.sources.Sources;
import dev.logsagent.status.StatusBuilder;
import dev.logsagent.telemetry.LogsMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StreamLogsCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path runPath;

    @Test
    void printsTheMatchingLogsLiveUntilTheAgentStops() throws Exception {
        StreamLogsBroker broker = new StreamLogsBroker(Clock.systemUTC());
        LogSource web = new LogSource("nginx", SourceConfig.file("nginx", Path.of("/var/log/a.log"), "web", "nginx"));
        LogSource db = new LogSource("pg", SourceConfig.file("pg", Path.of("/var/log/pg.log"), "db", "postgresql"));
        LocalApiServer server = new LocalApiServer("127.0.0.1", 0, AuthToken.create(runPath),
                new StatusBuilder(new Sources(), new LogsMetrics(new PrometheusRegistry()))::build, Map::of, broker);
        server.start();
        try (server) {
            CommandRun run = new CommandRun(new StreamLogsCommand(new ClientOptions(
                    path -> CommandRun.agentAt(server.port(), runPath))));
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                    () -> run.execute("--service", "web", "--type", "file"));
            await().atMost(Duration.ofSeconds(5)).until(broker::hasSubscribers);

            broker.publish(db, Message.of("checkpoint complete", new Origin(db, new InputIdentity("file:/var/log/pg.log", "end"), 20)));
            broker.publish(web, Message.of("GET / 200", new Origin(web, new InputIdentity("file:/var/log/a.log", "end"), 10)));

            await().atMost(Duration.ofSeconds(5)).until(() -> run.out.toString().contains("\n"));
            server.close();
            assertThat(exit.get(5, TimeUnit.SECONDS)).isEqualTo(1);
            String[] lines = run.out.toString().split("\n");
            assertThat(lines).hasSize(1);
            assertThat(JSON.readTree(lines[0]).get("message").asString()).isEqualTo("GET / 200");
            assertThat(run.err.toString()).contains("the agent ended the stream");
        }
    }

    @Test
    void tellsOnStderrHowManyLogsTheAgentSkipped() throws Exception {
        AuthToken.create(runPath);
        HttpServer agent = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        agent.createContext(LocalApiServer.STREAM_LOGS_PATH, exchange -> {
            byte[] body = "{\"message\":\"a\"}\n{\"skipped\":3}\n{\"message\":\"b\"}\n"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        agent.start();
        try {
            CommandRun run = new CommandRun(new StreamLogsCommand(new ClientOptions(
                    path -> CommandRun.agentAt(agent.getAddress().getPort(), runPath))));

            assertThat(run.execute()).isEqualTo(1);

            assertThat(run.out.toString()).isEqualTo("{\"message\":\"a\"}\n{\"message\":\"b\"}\n");
            assertThat(run.err.toString()).startsWith("3 logs skipped: ");
        } finally {
            agent.stop(0);
        }
    }

    @Test
    void refusesAnUnknownSourceTypeAsAUsageError() {
        CommandRun run = new CommandRun(new RootCommand());

        assertThat(run.execute("stream-logs", "--type", "syslog")).isEqualTo(2);

        assertThat(run.err.toString()).contains("unknown --type 'syslog'").contains("file, tcp, udp");
    }
}
