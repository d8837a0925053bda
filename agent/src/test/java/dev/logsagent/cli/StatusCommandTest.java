package dev.logsagent.cli;

import dev.logsagent.api.AuthToken;
import dev.logsagent.api.LocalApiServer;
import dev.logsagent.config.AgentConfig;
import dev.logsagent.config.SourceConfig;
import dev.logsagent.errors.ConfigException;
import dev.logsagent.errors.ConfigProblem;
import dev.logsagent.logs.diagnostic.StreamLogsBroker;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.logs.sources.Sources;
import dev.logsagent.status.StatusBuilder;
import dev.logsagent.telemetry.LogsMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class StatusCommandTest {
    @TempDir
    Path runPath;

    @Test
    void printsTheRunningAgentsStatusDocumentAsJson() throws Exception {
        try (LocalApiServer server = runningAgent()) {
            Path configFile = Files.writeString(runPath.resolve("datadog.yaml"),
                    "cmd_port: " + server.port() + "\nrun_path: " + runPath + "\n");
            AtomicReference<Path> loaded = new AtomicReference<>();
            CommandRun run = new CommandRun(new StatusCommand(new ClientOptions(path -> {
                loaded.set(path);
                return CommandRun.agentAt(server.port(), runPath);
            })));

            assertThat(run.execute("--json", "-c", configFile.toString())).isZero();

            assertThat(loaded).hasValue(configFile);
            JsonNode stats = JsonMapper.builder().build().readTree(run.out.toString()).get("logsStats");
            assertThat(stats.get("is_running").asBoolean()).isTrue();
            assertThat(stats.get("integrations").get(0).get("sources").get(0).get("bytes_read").asLong())
                    .isEqualTo(2048);
            assertThat(run.err.toString()).isEmpty();
        }
    }

    @Test
    void printsTheRunningAgentsStatusAsText() {
        try (LocalApiServer server = runningAgent()) {
            CommandRun run = new CommandRun(new StatusCommand(new ClientOptions(
                    path -> CommandRun.agentAt(server.port(), runPath))));

            assertThat(run.execute()).isZero();

            assertThat(run.out.toString()).contains("Logs Agent").contains("LogsSent: 0").contains("  nginx\n")
                    .contains("Path: /var/log/nginx/access.log").contains("Status: OK").contains("Bytes Read: 2048");
        }
    }

    @Test
    void exitsWith1WhenNoAgentListens() throws Exception {
        AuthToken.create(runPath);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        CommandRun run = new CommandRun(new StatusCommand(new ClientOptions(
                path -> CommandRun.agentAt(closedPort, runPath))));

        assertThat(run.execute()).isEqualTo(1);

        assertThat(run.err.toString().strip())
                .isEqualTo("Error: the agent is not running on 127.0.0.1:" + closedPort + " (connection refused)");
        assertThat(run.out.toString()).isEmpty();
    }

    @Test
    void exitsWith1WhenTheAgentNeverWroteItsToken() {
        CommandRun run = new CommandRun(new StatusCommand(new ClientOptions(path -> CommandRun.agentAt(1, runPath))));

        assertThat(run.execute("--json")).isEqualTo(1);

        assertThat(run.err.toString()).contains("no auth token at " + runPath.resolve("auth_token"))
                .contains("is the agent running?");
    }

    @Test
    void exitsWith2ListingEveryProblemWhenTheConfigIsRefused() {
        CommandRun run = new CommandRun(new StatusCommand(new ClientOptions(path -> {
            throw new ConfigException(List.of(
                    new ConfigProblem("/etc/datadog.yaml", "cmd_port", 3, 11, "must be a number, got 'abc'"),
                    new ConfigProblem("/etc/datadog.yaml", "logs_config.batch_wait", 7, 3, "must be positive")));
        })));

        assertThat(run.execute()).isEqualTo(2);

        assertThat(run.err.toString()).isEqualTo("/etc/datadog.yaml:3:11: cmd_port: must be a number, got 'abc'\n"
                + "/etc/datadog.yaml:7:3: logs_config.batch_wait: must be positive\n");
    }

    private LocalApiServer runningAgent() {
        Sources sources = new Sources();
        LogSource source = new LogSource("nginx", SourceConfig.file("nginx", Path.of("/var/log/nginx/access.log"),
                "web", "nginx"));
        source.setOk();
        source.addBytesRead(2048);
        sources.add(source);
        LocalApiServer server = new LocalApiServer("127.0.0.1", 0, AuthToken.create(runPath),
                new StatusBuilder(sources, new LogsMetrics(new PrometheusRegistry()))::build, Map::of,
                new StreamLogsBroker(Clock.systemUTC()));
        server.start();
        return server;
    }
}
