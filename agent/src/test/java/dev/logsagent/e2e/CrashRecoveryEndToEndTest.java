package dev.logsagent.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
        int batch = 1000;
        try (AgentHarness h = new AgentHarness(dir)) {
            h.logsConfig.put("batch_max_size", batch);
            h.fileSource("app", log.toString(), null);
            LogLines.append(log, "k", 0, 20_000);
            h.start();
            // A live stream of about 10,000 lines a second while the agent is killed.
            int written = 20_000;
            long killAt = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < killAt) {
                LogLines.append(log, "k", written, written + 200);
                written += 200;
                Thread.sleep(20);
            }
            h.agent().kill();
            int beforeKill = h.intake.logs().size();
            assertThat(beforeKill).isGreaterThan(20_000);

            h.start();
            int total = written;
            h.awaitMessages(total, Duration.ofSeconds(60));
            Thread.sleep(1000);
            List<String> received = LogLines.withPrefix(h.intake.messages(), "k");
            LogLines.assertNoneLost(received, "k", total);
            Map<String, Integer> seen = new HashMap<>();
            received.forEach(m -> seen.merge(m, 1, Integer::sum));
            int replayed = received.size() - total;
            assertThat(seen.values().stream().filter(c -> c > 1).count()).isEqualTo(replayed);
            System.out.printf("kill -9: %d of %d delivered before the kill, %d replayed after restart%n",
                    beforeKill, total, replayed);
            assertThat(replayed).isLessThanOrEqualTo(batch);
            assertThat(h.agent().stop()).isZero();
        }
    }

    @Test
    void killMinus9WhileCatchingUpOnABacklogLosesNothing(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("app.log");
        int total = 300_000;
        int batch = 1000;
        LogLines.append(log, "b", 0, total);
        try (AgentHarness h = new AgentHarness(dir)) {
            h.logsConfig.put("batch_max_size", batch);
            h.fileSource("app", log.toString(), null);
            h.start();
            // Delivered counts over time, to know what was acknowledged in the last registry interval.
            List<long[]> samples = new ArrayList<>();
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (h.intake.logs().size() <= total / 5 && System.nanoTime() < until) {
                samples.add(new long[] {System.nanoTime(), h.intake.logs().size()});
                Thread.sleep(50);
            }
            h.agent().kill();
            long killedAt = System.nanoTime();
            int beforeKill = h.intake.logs().size();
            assertThat(beforeKill).isLessThan(total);
            long deliveredBeforeLastInterval = samples.stream()
                    .filter(s -> killedAt - s[0] >= Duration.ofMillis(1500).toNanos())
                    .mapToLong(s -> s[1]).max().orElse(0);

            h.start();
            h.awaitMessages(total, Duration.ofSeconds(60));
            Thread.sleep(1000);
            List<String> received = LogLines.withPrefix(h.intake.messages(), "b");
            LogLines.assertNoneLost(received, "b", total);
            int replayed = received.size() - total;
            System.out.printf("kill -9 during a backlog: %d of %d delivered before the kill, %d replayed%n",
                    beforeKill, total, replayed);
            // The registry follows acknowledgements within milliseconds, and within its 1 s interval even on a
            // starved machine: what is replayed was acknowledged in that last interval, never the backlog.
            assertThat((long) replayed).isLessThanOrEqualTo(beforeKill - deliveredBeforeLastInterval + batch);
            assertThat(h.agent().stop()).isZero();
        }
    }
}
