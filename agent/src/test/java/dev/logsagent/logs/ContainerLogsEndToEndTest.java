package dev.logsagent.logs;

import com.sun.net.httpserver.HttpServer;
import dev.logsagent.autodiscovery.workloads.Container;
import dev.logsagent.autodiscovery.workloads.Pod;
import dev.logsagent.autodiscovery.workloads.WorkloadStore;
import dev.logsagent.config.AgentConfig;
import dev.logsagent.config.ConfigLoader;
import dev.logsagent.config.SourceConfig;
import dev.logsagent.config.SourceType;
import dev.logsagent.config.StartPosition;
import dev.logsagent.logs.diagnostic.StreamLogsBroker;
import dev.logsagent.logs.launchers.container.ContainerTags;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.logs.sources.Sources;
import dev.logsagent.tagger.Tagger;
import dev.logsagent.tagger.TaggerSettings;
import dev.logsagent.telemetry.LogsMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Container logs through the whole logs agent, in this process: a docker json-file under a fake docker root and a
 * CRI file under a fake pods root, tailed by the file launcher, decoded by their source type, processed, encoded
 * and written by the {@code file_output} destination, which the test reads (beside an intake that accepts
 * everything, so that nothing goes to the console).
 */
class ContainerLogsEndToEndTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DOCKER_ID = "84adac90973fa1263ccf1e296cec72acb4128b6e19fd25bffe4fafb059adafc0";
    private static final String CRI_ID = "509057eef9c66fcae1627a278216e29a0504d9b2e85ccc79c09b316dba7554e2";
    private static final String POD_UID = "23476f2c-61e0-11e9-bc12-02f121c1eeb4";
    /** Docker cuts a line into 16 KiB records; only the last one ends with a newline. */
    private static final int DOCKER_PIECE = 16 * 1024;

    @TempDir
    Path dir;
    private final WorkloadStore workloads = new WorkloadStore();
    private final Sources sources = new Sources();
    private Tagger tagger;
    private LogsAgent agent;
    private Path output;
    private Path dockerLog;
    private Path criFolder;
    private HttpServer intake;

    @BeforeEach
    void startAgent() throws IOException {
        output = dir.resolve("out.jsonl");
        intake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        intake.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        intake.start();
        Path config = Files.writeString(dir.resolve("datadog.yaml"), """
                api_key: 0123456789abcdef0123456789abcdef
                hostname: node-1
                run_path: %s
                logs_config:
                  logs_dd_url: 127.0.0.1:%d
                  logs_no_ssl: true
                  file_output: %s
                  batch_wait: 0.05
                  close_timeout: 1
                  aggregation_timeout: 5000
                """.formatted(dir.resolve("run"), intake.getAddress().getPort(), output));
        AgentConfig agentConfig = ConfigLoader.load(config, Map.of()).config();
        dockerLog = Files.createDirectories(dir.resolve("docker/containers").resolve(DOCKER_ID))
                .resolve(DOCKER_ID + "-json.log");
        criFolder = Files.createDirectories(dir.resolve("pods")
                .resolve("kube-system_coredns-747dbcf5df-qmtnl_" + POD_UID).resolve("coredns"));
        workloads.putContainer(new Container(DOCKER_ID, "docker", "redis-1", "redis:7.2",
                Map.of("com.datadoghq.tags.env", "prod"), Map.of(), true, 10, "redis-1", Map.of(), List.of(6379),
                null, dockerLog.toString()));
        workloads.putPod(new Pod(POD_UID, "coredns-747dbcf5df-qmtnl", "kube-system", "Running", "192.168.253.58",
                Map.of(), Map.of(), List.of("ReplicaSet/coredns-747dbcf5df"), List.of(new Pod.PodContainer("coredns",
                "coredns/coredns:1.1.1", "containerd://" + CRI_ID, List.of(53), Map.of()))));
        tagger = new Tagger(workloads, TaggerSettings.defaults(), List.of(), InstantSource.system());
        agent = new LogsAgent(agentConfig, "node-1", sources, new LogsMetrics(new PrometheusRegistry()),
                new StreamLogsBroker(Clock.systemUTC()), "logs-agent/test", new ContainerTags(tagger));
        agent.start();
    }

    @AfterEach
    void stopAgent() {
        if (agent != null) {
            agent.stop();
        }
        tagger.close();
        intake.stop(0);
    }

    @Test
    void joinsDockerPiecesKeepsStreamsApartAndTagsTheContainer() throws IOException {
        String longLine = "x".repeat(DOCKER_PIECE * 2 + 100);
        Files.writeString(dockerLog, docker(longLine.substring(0, DOCKER_PIECE), "stdout")
                + docker("oops\n", "stderr")
                + docker(longLine.substring(DOCKER_PIECE, 2 * DOCKER_PIECE), "stdout")
                + docker(longLine.substring(2 * DOCKER_PIECE) + "\n", "stdout")
                + docker("ready to accept connections\n", "stdout"));

        sources.add(dockerSource());

        List<JsonNode> logs = awaitLogs(3);
        assertThat(logs).extracting(log -> shown(log.path("message").asString()), log -> log.path("status").asString())
                .containsExactlyInAnyOrder(
                        tuple("oops", "error"),
                        tuple(shown(longLine), "info"),
                        tuple("ready to accept connections", "info"));
        assertThat(logs).allSatisfy(log -> {
            assertThat(log.path("service").asString()).isEqualTo("redis");
            assertThat(log.path("ddsource").asString()).isEqualTo("redis");
            assertThat(log.path("hostname").asString()).isEqualTo("node-1");
            assertThat(tags(log)).contains("container_id:" + DOCKER_ID, "container_name:redis-1",
                    "short_image:redis", "image_tag:7.2", "env:prod", "filename:" + DOCKER_ID + "-json.log");
        });
    }

    @Test
    void joinsCriPartialLinesAndTagsThePodContainer() throws IOException {
        Files.writeString(criFolder.resolve("0.log"), """
                2024-05-01T10:00:00.000000001Z stdout P [INFO] plugin/reload:\s
                2024-05-01T10:00:00.000000002Z stderr F [ERROR] plugin/errors: 2 SERVFAIL
                2024-05-01T10:00:00.000000003Z stdout F Running configuration MD5
                2024-05-01T10:00:00.000000004Z stdout F CoreDNS-1.1.1
                """);

        sources.add(new LogSource("coredns", config(SourceType.CONTAINERD, criFolder.resolve("*.log"),
                "containerd://" + CRI_ID, "coredns")));

        List<JsonNode> logs = awaitLogs(3);
        assertThat(logs).extracting(log -> log.path("message").asString(), log -> log.path("status").asString())
                .containsExactly(
                        tuple("[ERROR] plugin/errors: 2 SERVFAIL", "error"),
                        tuple("[INFO] plugin/reload: Running configuration MD5", "info"),
                        tuple("CoreDNS-1.1.1", "info"));
        assertThat(tags(logs.getFirst())).contains("container_id:" + CRI_ID, "kube_namespace:kube-system",
                "pod_name:coredns-747dbcf5df-qmtnl", "kube_deployment:coredns", "kube_container_name:coredns",
                "filename:0.log");
    }

    @Test
    void readsAStoppedContainersLastLinesAfterItsSourceIsRemovedAndSavesThePosition() throws IOException {
        Files.writeString(dockerLog, docker("starting\n", "stdout"));
        LogSource source = dockerSource();
        sources.add(source);
        awaitLogs(1);

        sources.remove(source);
        workloads.removeContainer(DOCKER_ID);
        Files.writeString(dockerLog, docker("shutting down\n", "stdout") + docker("bye\n", "stderr"),
                StandardOpenOption.APPEND);

        List<JsonNode> logs = awaitLogs(3);
        assertThat(logs).extracting(log -> log.path("message").asString())
                .containsExactly("starting", "shutting down", "bye");
        assertThat(tags(logs.getLast())).contains("container_id:" + DOCKER_ID);
        agent.stop();
        agent = null;
        JsonNode registry = JSON.readTree(dir.resolve("run/registry.json").toFile());
        assertThat(registry.path("Registry").path("file:" + dockerLog).path("Offset").asString())
                .isEqualTo(Long.toString(Files.size(dockerLog)));
    }

    private LogSource dockerSource() {
        return new LogSource("redis", config(SourceType.DOCKER, dockerLog, "docker://" + DOCKER_ID, "redis"));
    }

    private static SourceConfig config(SourceType type, Path path, String serviceId, String name) {
        return new SourceConfig(name, serviceId, type, path.toString(), List.of(), null, StartPosition.BEGINNING, 0,
                null, name, name, null, List.of(), List.of(), null, serviceId, null);
    }

    private List<JsonNode> awaitLogs(int count) throws IOException {
        await().atMost(Duration.ofSeconds(10)).until(() -> readLogs().size() >= count);
        return readLogs();
    }

    private List<JsonNode> readLogs() throws IOException {
        if (!Files.exists(output)) {
            return List.of();
        }
        return Files.readAllLines(output).stream().filter(line -> !line.isBlank()).map(JSON::readTree).toList();
    }

    private static List<String> tags(JsonNode log) {
        return Arrays.asList(log.path("ddtags").asString().split(","));
    }

    /** A long message as its length, so that a failure stays readable. */
    private static String shown(String message) {
        return message.length() > 100 ? message.length() + " chars starting " + message.substring(0, 10) : message;
    }

    private static String docker(String log, String stream) {
        return JSON.writeValueAsString(Map.of("log", log, "stream", stream,
                "time", "2024-05-01T10:00:00.000000001Z")) + "\n";
    }
}
