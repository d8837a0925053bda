package dev.logsagent.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code docker} and {@code containerd} sources written in conf.d with an explicit path, read by the real agent:
 * docker json-file pieces and CRI partial lines joined, stderr logged as errors; and the agent's metadata.
 */
class ContainerSourcesEndToEndTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ID = "84adac90973fa1263ccf1e296cec72acb4128b6e19fd25bffe4fafb059adafc0";

    @Test
    void readsDockerAndCriFilesFromConfdAndDescribesItself(@TempDir Path dir) throws Exception {
        Path dockerLog = Files.createDirectories(dir.resolve("docker").resolve(ID)).resolve(ID + "-json.log");
        Path criFolder = Files.createDirectories(dir.resolve("pods/shop_web-5d4f-x7k2p_d91aa43c/app"));
        String longLine = "y".repeat(16 * 1024 + 10);
        Files.writeString(dockerLog, docker(longLine.substring(0, 16 * 1024), "stdout")
                + docker(longLine.substring(16 * 1024) + "\n", "stdout") + docker("no config file\n", "stderr"));
        Files.writeString(criFolder.resolve("0.log"), """
                2024-05-01T10:00:00.000000001Z stdout P GET /cart\s
                2024-05-01T10:00:00.000000002Z stdout F 200 12ms
                2024-05-01T10:00:00.000000003Z stderr F panic: nil map
                """);
        try (AgentHarness h = new AgentHarness(dir)) {
            Files.writeString(Files.createDirectories(h.confd.resolve("containers.d")).resolve("conf.yaml"), """
                    logs:
                      - type: docker
                        path: "%s"
                        service: redis
                        source: redis
                        start_position: beginning
                      - type: containerd
                        path: "%s"
                        service: web
                        source: web
                        start_position: beginning
                    """.formatted(dockerLog, criFolder.resolve("*.log")));
            h.start();
            h.awaitMessages(4, Duration.ofSeconds(30));

            assertThat(h.intake.logs()).extracting(log -> log.path("service").asString(),
                    log -> shown(log.path("message").asString()), log -> log.path("status").asString())
                    .containsExactlyInAnyOrder(tuple("redis", shown(longLine), "info"),
                            tuple("redis", "no config file", "error"),
                            tuple("web", "GET /cart 200 12ms", "info"),
                            tuple("web", "panic: nil map", "error"));
            JsonNode metadata = h.api("/agent/metadata");
            assertThat(metadata.path("hostname").asString()).isEqualTo("e2e-host");
            assertThat(metadata.path("hostname_source").asString()).isEqualTo("configuration");
            assertThat(metadata.path("enabled_sources")).isEqualTo(JSON.valueToTree(Map.of("docker", 1,
                    "containerd", 1)));
            assertThat(h.status().path("metadata").path("host_tags")).isEqualTo(JSON.valueToTree(List.of("env:test")));
            assertThat(h.agent().stop()).isZero();
        }
    }

    /** A long message as its length, so that a failure stays readable. */
    private static String shown(String message) {
        return message.length() > 100 ? message.length() + " chars starting " + message.substring(0, 10) : message;
    }

    private static String docker(String log, String stream) {
        return JSON.writeValueAsString(Map.of("log", log, "stream", stream, "time", "2024-05-01T10:00:00.1Z")) + "\n";
    }
}
