package dev.logsagent.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** SIGKILL in the middle of a stream: no shutdown hook runs, yet nothing acknowledged is lost. */
class CrashRecoveryEndToEndTest {

    @Test
    void killMinus9MidStreamThenRestartLosesNothingAndReplaysAtMostOneBatch(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("app.log");
        int total = 200_000;
        int batch = 500;
        LogLines.append(log, "k", 0, total);
        try (AgentHarness h = new AgentHarness(dir)) {
            h.logsConfig.put("batch_max_size", batch);
            h.logsConfig.put("pipelines", 1);
            h.fileSource("app", log.toString(), null);
            h.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> h.intake.logs().size() > total / 10);
            int oneIntervalBefore = h.intake.logs().size();
            Thread.sleep(1100);
            h.agent().kill();
            int beforeKill = h.intake.logs().size();
            assertThat(beforeKill).isLessThan(total);

            h.start();
            h.awaitMessages(total, Duration.ofSeconds(60));
            Thread.sleep(500);
            List<String> received = LogLines.withPrefix(h.intake.messages(), "k");
            LogLines.assertNoneLost(received, "k", total);
            Map<String, Integer> seen = new HashMap<>();
            received.forEach(m -> seen.merge(m, 1, Integer::sum));
            long duplicated = seen.values().stream().filter(c -> c > 1).count();
            int replayed = received.size() - total;
            assertThat(duplicated).isEqualTo(replayed);
            // The registry is written every second: at most what was acknowledged since the last write (one
            // second of logs, plus the batch in flight) is sent again.
            assertThat(replayed).isLessThanOrEqualTo(beforeKill - oneIntervalBefore + batch);
            System.out.printf("kill -9: %d delivered before the kill, %d replayed after restart%n", beforeKill,
                    received.size() - total);
            assertThat(h.agent().stop()).isZero();
        }
    }
}
