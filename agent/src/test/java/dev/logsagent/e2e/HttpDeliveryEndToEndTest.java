package dev.logsagent.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The real agent, a real file and an in-test intake: what arrives, how, and what happens when the intake fails. */
class HttpDeliveryEndToEndTest {

    @ParameterizedTest
    @ValueSource(strings = {"zstd", "gzip"})
    void deliversEveryLineOnceInOrderWithTheContractFieldsAndHeaders(String compression, @TempDir Path dir)
            throws Exception {
        Path log = dir.resolve("app.log");
        LogLines.append(log, "a", 0, 5000);
        try (AgentHarness h = new AgentHarness(dir)) {
            h.logsConfig.put("compression_kind", compression);
            h.fileSource("shop", log.toString(), "tags: [\"team:core\"]");
            h.start();
            h.awaitMessages(5000, Duration.ofSeconds(30));
            LogLines.assertExactlyOnceInOrder(h.intake.messages(), "a", 5000);

            JsonNode first = h.intake.logs().get(0);
            assertThat(first.get("status").asString()).isEqualTo("info");
            assertThat(first.get("hostname").asString()).isEqualTo("e2e-host");
            assertThat(first.get("service").asString()).isEqualTo("shop-svc");
            assertThat(first.get("ddsource").asString()).isEqualTo("shop-src");
            assertThat(first.get("timestamp").asLong()).isGreaterThan(1_700_000_000_000L);
            assertThat(first.get("ddtags").asString().split(",")).contains("team:core", "filename:app.log",
                    "dirname:" + dir, "env:test");
            TestIntake.Request request = h.intake.requests().get(0);
            assertThat(request.header("Content-Encoding")).isEqualTo(compression);
            assertThat(request.header("DD-API-KEY")).isEqualTo(AgentHarness.API_KEY);
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(request.header("DD-PROTOCOL")).isEqualTo("agent-json");
            assertThat(request.header("User-Agent")).startsWith("logs-agent/");
            assertThat(h.agent().stop()).isZero();
        }
    }

    @Test
    void restartAfterCleanStopSendsNoDuplicate(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("app.log");
        LogLines.append(log, "r", 0, 2000);
        try (AgentHarness h = new AgentHarness(dir)) {
            h.fileSource("shop", log.toString(), null);
            h.start();
            h.awaitMessages(2000, Duration.ofSeconds(30));
            assertThat(h.agent().stop()).isZero();
            assertThat(h.registry().get("Registry").get("file:" + log).get("Offset").asString())
                    .isEqualTo(Long.toString(java.nio.file.Files.size(log)));

            LogLines.append(log, "r", 2000, 3000);
            h.start();
            h.awaitMessages(3000, Duration.ofSeconds(30));
            Thread.sleep(1000);
            LogLines.assertExactlyOnceInOrder(h.intake.messages(), "r", 3000);
            assertThat(h.agent().stop()).isZero();
        }
    }

    @Test
    void tenSecondsOf503ThenRecoveryLosesNothingAndDuplicatesNothing(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("app.log");
        try (AgentHarness h = new AgentHarness(dir)) {
            AtomicBoolean down = new AtomicBoolean(true);
            h.intake.respondWith(() -> down.get() ? 503 : 200);
            h.fileSource("shop", log.toString(), null);
            LogLines.append(log, "u", 0, 1000);
            h.start();
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int written = 1000;
            while (System.nanoTime() < until) {
                LogLines.append(log, "u", written, written + 100);
                written += 100;
                Thread.sleep(200);
            }
            assertThat(h.intake.attempts()).isGreaterThan(1);
            assertThat(h.intake.logs()).isEmpty();
            down.set(false);
            h.awaitMessages(written, Duration.ofSeconds(30));
            Thread.sleep(500);
            LogLines.assertExactlyOnceInOrder(h.intake.messages(), "u", written);
            JsonNode metrics = h.status().get("logsStats").get("metrics");
            assertThat(metrics.get("RetryCount").asLong()).isPositive();
            assertThat(metrics.get("LogsSent").asLong()).isEqualTo(written);
            assertThat(h.agent().stop()).isZero();
        }
    }

    @Test
    void payloadsRefusedWith400AreDroppedAndCountedNotRetried(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("app.log");
        LogLines.append(log, "d", 0, 10);
        try (AgentHarness h = new AgentHarness(dir)) {
            h.intake.respondWith(() -> 400);
            h.logsConfig.put("batch_max_size", 5);
            h.fileSource("shop", log.toString(), null);
            h.start();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> h.status().get("logsStats").get("metrics").get("LogsDropped").asLong() == 10);
            Thread.sleep(1000);
            assertThat(h.intake.attempts()).isEqualTo(2);
            // Dropped logs are settled: the offset moves past them so they are not re-sent after a restart.
            assertThat(h.agent().stop()).isZero();
            assertThat(h.registry().get("Registry").get("file:" + log).get("Offset").asString())
                    .isEqualTo(Long.toString(java.nio.file.Files.size(log)));
            assertThat(h.output()).doesNotContain(AgentHarness.API_KEY);
        }
    }

    @Test
    void anIntakeThatStopsAnsweringStopsTheReadingInsteadOfFillingMemory(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("big.log");
        LogLines.append(log, "m", 0, 600_000);
        long fileSize = java.nio.file.Files.size(log);
        try (AgentHarness h = new AgentHarness(dir)) {
            h.intake.hang(true);
            h.fileSource("big", log.toString(), null);
            h.start();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> bytesRead(h) > 0);
            Thread.sleep(3000);
            long first = bytesRead(h);
            Thread.sleep(2000);
            long second = bytesRead(h);
            // Reading stalls once the queues and in-flight payloads are full: bounded, far below the file size.
            assertThat(second).isEqualTo(first);
            assertThat(second).isLessThan(fileSize / 2);
            h.intake.hang(false);
        }
    }

    private static long bytesRead(AgentHarness h) throws Exception {
        JsonNode integrations = h.status().get("logsStats").get("integrations");
        long total = 0;
        for (JsonNode integration : integrations) {
            for (JsonNode source : integration.get("sources")) {
                total += source.get("bytes_read").asLong();
            }
        }
        return total;
    }

    static List<String> messages(AgentHarness h) {
        return h.intake.messages();
    }
}
