package dev.logsagent.cli;

import dev.logsagent.api.AuthToken;
import dev.logsagent.api.LocalApiServer;
import dev.logsagent.autodiscovery.AutoConfig;
import dev.logsagent.autodiscovery.RecordedServiceListener;
import dev.logsagent.autodiscovery.RecordedWorkloads;
import dev.logsagent.autodiscovery.configresolver.ConfigResolver;
import dev.logsagent.autodiscovery.providers.FileConfigProvider;
import dev.logsagent.autodiscovery.store.ConfigCheckEndpoint;
import dev.logsagent.autodiscovery.workloads.Container;
import dev.logsagent.autodiscovery.workloads.WorkloadStore;
import dev.logsagent.logs.diagnostic.StreamLogsBroker;
import dev.logsagent.logs.sources.Sources;
import dev.logsagent.status.StatusBuilder;
import dev.logsagent.telemetry.LogsMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static dev.logsagent.autodiscovery.RecordedWorkloads.UBUNTU_INSPECT;
import static org.assertj.core.api.Assertions.assertThat;

class ConfigcheckCommandTest {
    @TempDir
    Path dir;
    private Path confd;
    private Path runPath;

    @BeforeEach
    void confd() throws IOException {
        confd = Files.createDirectories(dir.resolve("conf.d"));
        runPath = dir.resolve("run");
        Files.writeString(confd.resolve("app.yaml"), """
                logs:
                  - type: file
                    path: /var/log/app.log
                    service: shop
                    tags: [team:core]
                """);
        Files.writeString(confd.resolve("ubuntu.yaml"), """
                ad_identifiers: [ubuntu]
                logs:
                  - source: "%%hostname%%"
                """);
        Files.writeString(confd.resolve("memcached.yaml"), "ad_identifiers: [memcached]\nlogs:\n  - source: mc\n");
        Files.writeString(confd.resolve("broken.yaml"), "logs:\n  - type: tcp\n");
    }

    private Path mainConfig(int cmdPort) throws IOException {
        return Files.writeString(dir.resolve("datadog.yaml"), "run_path: " + runPath + "\nconfd_path: " + confd
                + "\ncmd_port: " + cmdPort + "\n");
    }

    @Test
    void printsWhatTheRunningAgentResolvedWithWhereEachConfigCameFrom() throws IOException {
        WorkloadStore workloads = new WorkloadStore();
        RecordedServiceListener listener = new RecordedServiceListener(workloads, false);
        Container ubuntu = RecordedWorkloads.container(UBUNTU_INSPECT, Map.of());
        try (AutoConfig autoConfig = new AutoConfig(new ConfigResolver(Map.of()));
             LocalApiServer api = new LocalApiServer("127.0.0.1", 0, AuthToken.create(runPath),
                     new StatusBuilder(new Sources(), new LogsMetrics(new PrometheusRegistry()))::build, Map::of,
                     new StreamLogsBroker(Clock.systemUTC()))) {
            autoConfig.addProvider(new FileConfigProvider(confd), Duration.ofDays(1));
            autoConfig.addListener(listener);
            autoConfig.start();
            listener.containerStarted(ubuntu);
            api.route(ConfigCheckEndpoint.PATH, new ConfigCheckEndpoint(autoConfig::configCheck));
            api.start();
            CommandRun run = new CommandRun(new ConfigcheckCommand());

            assertThat(run.execute("-c", mainConfig(api.port()).toString())).isZero();

            assertThat(run.out.toString()).isEqualTo("""
                    Configs of the agent running on 127.0.0.1:%1$d

                    === Resolved configs ===

                    app  (provider file, from %2$s/app.yaml)
                      - type: file
                        path: /var/log/app.log
                        service: shop
                        tags: [team:core]

                    ubuntu  (provider file, template [ubuntu], from %2$s/ubuntu.yaml)
                      for service: docker://%3$s
                      - type: docker
                        path: %4$s
                        source: ba033ac44011
                        identifier: docker://%3$s

                    === Templates matching no service ===

                    memcached  (provider file, from %2$s/memcached.yaml)
                      ad_identifiers: [memcached]

                    === Errors ===

                      integration broken: %2$s/broken.yaml:2:5: logs[0].port: port is required for a tcp source
                    """.formatted(api.port(), confd, ubuntu.id(), ubuntu.logPath()));
            assertThat(run.err.toString()).isEmpty();
        }
    }

    @Test
    void readsConfdItselfWhenNoAgentAnswers() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        AuthToken.create(runPath);
        CommandRun run = new CommandRun(new ConfigcheckCommand());

        assertThat(run.execute("-c", mainConfig(closedPort).toString())).isZero();

        assertThat(run.out.toString())
                .startsWith("No agent answered (the agent is not running on 127.0.0.1:" + closedPort
                        + " (connection refused)): configs read from " + confd)
                .contains("app  (provider file, from " + confd.resolve("app.yaml") + ")\n  - type: file\n"
                        + "    path: /var/log/app.log\n")
                .contains("=== Templates matching no service ===\n\nmemcached")
                .contains("ubuntu  (provider file, from " + confd.resolve("ubuntu.yaml") + ")\n"
                        + "  ad_identifiers: [ubuntu]")
                .contains("integration broken: " + confd.resolve("broken.yaml") + ":2:5: logs[0].port");
        assertThat(run.err.toString()).isEmpty();
    }

    @Test
    void exitsWith2WhenTheMainConfigIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("datadog.yaml"), "cmd_port: lots\n");
        CommandRun run = new CommandRun(new ConfigcheckCommand());

        assertThat(run.execute("-c", file.toString())).isEqualTo(2);

        assertThat(run.err.toString()).contains(file + ":1").contains("cmd_port");
    }
}
