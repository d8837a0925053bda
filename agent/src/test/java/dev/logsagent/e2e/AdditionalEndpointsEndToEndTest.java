package dev.logsagent.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code additional_endpoints} with Datadog semantics: an unreliable endpoint is best effort and never holds the
 * others back; a reliable one must acknowledge every payload before offsets move.
 */
class AdditionalEndpointsEndToEndTest {
    private static final String OTHER_KEY = "fedcba9876543210fedcba9876543210";

    private static Map<String, Object> endpoint(TestIntake intake, boolean reliable) {
        return Map.of("host", "127.0.0.1", "port", intake.port(), "use_ssl", false, "is_reliable", reliable,
                "api_key", OTHER_KEY);
    }

    /** The file's offset in the registry; 0 when the registry or the entry is not there yet. */
    private static long offset(AgentHarness h, Path log) throws IOException {
        if (!Files.exists(h.runPath.resolve("registry.json"))) {
            return 0;
        }
        JsonNode entry = h.registry().get("Registry").get("file:" + log);
        return entry == null ? 0 : Long.parseLong(entry.get("Offset").asString());
    }

    private static List<JsonNode> destinations(AgentHarness h) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        h.status().get("logsStats").get("destinations").forEach(all::add);
        return all;
    }

    @ParameterizedTest
    @ValueSource(strings = {"503", "hang"})
    void anUnreliableEndpointThatNeverAcceptsHoldsNothingBack(String failure, @TempDir Path dir) throws Exception {
        Path log = dir.resolve("app.log");
        LogLines.append(log, "u", 0, 3000);
        try (AgentHarness h = new AgentHarness(dir); TestIntake broken = new TestIntake()) {
            if (failure.equals("hang")) {
                broken.hang(true);
            } else {
                broken.respondWith(() -> 503);
            }
            h.logsConfig.put("additional_endpoints", List.of(endpoint(broken, false)));
            h.logsConfig.put("batch_max_size", 100);
            h.fileSource("shop", log.toString(), null);
            h.start();

            h.awaitMessages(3000, Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(10)).until(() -> offset(h, log) == Files.size(log));
            LogLines.assertExactlyOnceInOrder(h.intake.messages(), "u", 3000);
            assertThat(broken.attempts()).isPositive();
            assertThat(broken.logs()).isEmpty();
            String brokenName = "http://127.0.0.1:" + broken.port() + "/api/v2/logs";
            assertThat(destinations(h)).anySatisfy(d -> {
                assertThat(d.get("name").asString()).isEqualTo(brokenName);
                assertThat(d.get("state").asString()).endsWith("(unreliable)");
            });
            assertThat(h.status().get("logsStats").get("metrics").get("LogsSent").asLong()).isEqualTo(3000);
            assertThat(h.agent().stop()).isZero();
            assertThat(h.output()).doesNotContain(OTHER_KEY);
        }
    }

    @Test
    void aReliableEndpointThatIsDownHoldsOffsetsBackUntilItRecovers(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("app.log");
        LogLines.append(log, "r", 0, 1000);
        try (AgentHarness h = new AgentHarness(dir); TestIntake second = new TestIntake()) {
            second.respondWith(() -> 503);
            h.logsConfig.put("additional_endpoints", List.of(endpoint(second, true)));
            h.logsConfig.put("batch_max_size", 100);
            h.fileSource("shop", log.toString(), null);
            h.start();

            await().atMost(Duration.ofSeconds(30)).until(() -> second.attempts() >= 3);
            // The auditor writes every second: two seconds without an offset means none was committed.
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> offset(h, log) == 0);
            assertThat(h.status().get("logsStats").get("metrics").get("LogsSent").asLong()).isZero();
            assertThat(h.intake.logs().size()).isLessThan(1000);

            second.respondWith(() -> 200);
            await().atMost(Duration.ofSeconds(30)).until(() -> second.logs().size() >= 1000);
            await().atMost(Duration.ofSeconds(10)).until(() -> offset(h, log) == Files.size(log));
            LogLines.assertExactlyOnceInOrder(h.intake.messages(), "r", 1000);
            LogLines.assertExactlyOnceInOrder(second.messages(), "r", 1000);
            assertThat(second.requests().getLast().header("DD-API-KEY")).isEqualTo(OTHER_KEY);
            assertThat(h.agent().stop()).isZero();
        }
    }
}
