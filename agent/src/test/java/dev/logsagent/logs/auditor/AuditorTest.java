package dev.logsagent.logs.auditor;

import dev.logsagent.errors.StartupException;
import dev.logsagent.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class AuditorTest {
    static final Duration TTL = Duration.ofHours(23);
    /** Long enough that the flusher never runs during a test that flushes by hand. */
    static final Duration BY_HAND = Duration.ofHours(1);

    @TempDir
    Path runPath;

    final ManualClock clock = new ManualClock(Instant.parse("2024-05-06T07:08:09.123456789Z"));

    Auditor startedAuditor(Duration flushInterval) {
        Auditor auditor = new Auditor(runPath, TTL, clock, flushInterval);
        auditor.start();
        return auditor;
    }

    Path registryFile() {
        return runPath.resolve("registry.json");
    }

    @Test
    void committedPositionIsReadBackWithItsDetails() {
        try (Auditor auditor = startedAuditor(BY_HAND)) {
            auditor.commit("file:/var/log/app.log", "1234", "end", "fp-1");

            assertThat(auditor.get("file:/var/log/app.log"))
                    .contains(new RegistryEntry("1234", clock.instant(), "end", "fp-1"));
            assertThat(auditor.get("file:/var/log/other.log")).isEmpty();
            assertThat(auditor.problems()).isEmpty();
        }
    }

    @Test
    void resumesFromSavedOffsetsAfterRestart() {
        try (Auditor auditor = startedAuditor(BY_HAND)) {
            auditor.commit("file:/var/log/app.log", "1234", "end", "fp-1");
            auditor.commit("journald:default", "s=abc;i=2a", "beginning", null);
        }

        try (Auditor restarted = startedAuditor(BY_HAND)) {
            assertThat(restarted.get("file:/var/log/app.log"))
                    .contains(new RegistryEntry("1234", clock.instant(), "end", "fp-1"));
            assertThat(restarted.get("journald:default"))
                    .contains(new RegistryEntry("s=abc;i=2a", clock.instant(), "beginning", null));
            assertThat(restarted.problems()).isEmpty();
        }
    }

    @Test
    void laterCommitReplacesEarlierOneEvenWithSmallerOffsetAsAfterTruncation() {
        try (Auditor auditor = startedAuditor(BY_HAND)) {
            auditor.commit("file:/var/log/app.log", "5000", "end", "fp-1");
            auditor.commit("file:/var/log/app.log", "12", "end", "fp-1");

            assertThat(auditor.get("file:/var/log/app.log")).map(RegistryEntry::offset).contains("12");
        }
    }

    @Test
    void emptyIdentifierIsNotRecorded() throws IOException {
        try (Auditor auditor = startedAuditor(BY_HAND)) {
            auditor.commit("", "10", "end", null);
            auditor.flush();

            assertThat(auditor.get("")).isEmpty();
        }
        assertThat(registryFile()).doesNotExist();
    }

    @Test
    void writesTheDatadogAgentVersion2Format() {
        try (Auditor auditor = startedAuditor(BY_HAND)) {
            auditor.commit("file:/var/log/app.log", "1234", "end", "fp-1");
            auditor.commit("tcp:10514", "77", null, null);
        }

        JsonNode root = JsonMapper.shared().readTree(registryFile().toFile());
        assertThat(root.get("Version").intValue()).isEqualTo(2);
        JsonNode file = root.get("Registry").get("file:/var/log/app.log");
        assertThat(file.get("Offset").stringValue()).isEqualTo("1234");
        assertThat(file.get("LastUpdated").stringValue()).isEqualTo("2024-05-06T07:08:09.123456789Z");
        assertThat(file.get("TailingMode").stringValue()).isEqualTo("end");
        assertThat(file.get("LogsAgentFingerprint").stringValue()).isEqualTo("fp-1");
        assertThat(file.has("Fingerprint")).as("the Datadog Agent's Fingerprint is an object").isFalse();
        JsonNode tcp = root.get("Registry").get("tcp:10514");
        assertThat(tcp.propertyNames()).containsExactlyInAnyOrder("LastUpdated", "Offset");
    }

    @Test
    void flushWritesNothingWhenNothingChanged() throws IOException {
        try (Auditor auditor = startedAuditor(BY_HAND)) {
            auditor.commit("file:/var/log/app.log", "1234", "end", null);
            auditor.flush();
            FileTime marker = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
            Files.setLastModifiedTime(registryFile(), marker);
            byte[] written = Files.readAllBytes(registryFile());

            auditor.flush();
            clock.advance(Duration.ofMinutes(5));
            auditor.flush();

            assertThat(Files.getLastModifiedTime(registryFile())).isEqualTo(marker);
            assertThat(registryFile()).hasBinaryContent(written);

            auditor.commit("file:/var/log/app.log", "2000", "end", null);
            auditor.flush();

            assertThat(Files.getLastModifiedTime(registryFile())).isNotEqualTo(marker);
            assertThat(registryFile()).content().contains("\"2000\"");
        }
    }

    @Test
    void flusherWritesCommitsEveryInterval() {
        try (Auditor auditor = startedAuditor(Duration.ofMillis(20))) {
            auditor.commit("file:/var/log/app.log", "1234", "end", null);

            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(registryFile()).content().contains("\"1234\""));

            auditor.commit("file:/var/log/app.log", "5678", "end", null);

            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(registryFile()).content().contains("\"5678\""));
        }
    }

    @Test
    void closeWritesTheLastCommits() {
        Auditor auditor = startedAuditor(BY_HAND);
        auditor.commit("file:/var/log/app.log", "1234", "end", null);
        assertThat(registryFile()).doesNotExist();

        auditor.close();
        auditor.close();

        assertThat(registryFile()).content().contains("\"1234\"");
    }

    @Test
    void entriesOlderThanTtlExpireOnFlush() {
        try (Auditor auditor = startedAuditor(BY_HAND)) {
            auditor.commit("file:/old.log", "1", "end", null);
            clock.advance(Duration.ofHours(10));
            auditor.commit("file:/young.log", "2", "end", null);
            clock.advance(Duration.ofHours(13));
            auditor.flush();

            assertThat(auditor.get("file:/old.log")).as("exactly one TTL old").isPresent();

            clock.advance(Duration.ofSeconds(1));
            auditor.flush();

            assertThat(auditor.get("file:/old.log")).isEmpty();
            assertThat(auditor.get("file:/young.log")).isPresent();
            assertThat(registryFile()).content().doesNotContain("old.log").contains("young.log");
        }
    }

    @Test
    void staleEntriesExpireAtLoad() {
        try (Auditor auditor = startedAuditor(BY_HAND)) {
            auditor.commit("file:/old.log", "1", "end", null);
            clock.advance(Duration.ofHours(20));
            auditor.commit("file:/young.log", "2", "end", null);
        }
        clock.advance(Duration.ofHours(4));

        try (Auditor restarted = startedAuditor(BY_HAND)) {
            assertThat(restarted.get("file:/old.log")).isEmpty();
            assertThat(restarted.get("file:/young.log")).isPresent();
        }
        assertThat(registryFile()).content().doesNotContain("old.log");
    }

    @Test
    void tailedEntryNeverExpiresAndLivesATtlAfterTailingStops() {
        try (Auditor auditor = startedAuditor(BY_HAND)) {
            auditor.commit("file:/quiet.log", "42", "end", null);
            auditor.markTailed("file:/quiet.log");
            clock.advance(Duration.ofDays(5));
            auditor.flush();

            assertThat(auditor.get("file:/quiet.log")).map(RegistryEntry::offset).contains("42");

            auditor.unmarkTailed("file:/quiet.log");
            assertThat(auditor.get("file:/quiet.log")).map(RegistryEntry::lastUpdated).contains(clock.instant());
            clock.advance(TTL);
            auditor.flush();

            assertThat(auditor.get("file:/quiet.log")).isPresent();

            clock.advance(Duration.ofSeconds(1));
            auditor.flush();

            assertThat(auditor.get("file:/quiet.log")).isEmpty();
        }
    }

    @Test
    void concurrentCommitsFromManyThreadsAreAllKept() throws Exception {
        int threads = 8;
        int commitsEach = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try (Auditor auditor = startedAuditor(Duration.ofMillis(1))) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String identifier = "file:/var/log/app-" + t + ".log";
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 1; i <= commitsEach; i++) {
                        auditor.commit(identifier, Integer.toString(i), "end", null);
                        auditor.commit("file:/var/log/shared.log", "1", "end", null);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            for (int t = 0; t < threads; t++) {
                assertThat(auditor.get("file:/var/log/app-" + t + ".log")).map(RegistryEntry::offset)
                        .contains(Integer.toString(commitsEach));
            }
        } finally {
            pool.shutdownNow();
        }

        try (Auditor restarted = startedAuditor(BY_HAND)) {
            for (int t = 0; t < threads; t++) {
                assertThat(restarted.get("file:/var/log/app-" + t + ".log")).map(RegistryEntry::offset)
                        .contains(Integer.toString(commitsEach));
            }
            assertThat(restarted.get("file:/var/log/shared.log")).isPresent();
            assertThat(restarted.problems()).isEmpty();
        }
    }

    @Test
    void createsAMissingRunPath() {
        Path nested = runPath.resolve("a/b/run");
        try (Auditor auditor = new Auditor(nested, TTL, clock, BY_HAND)) {
            auditor.start();
            auditor.commit("file:/x.log", "3", "end", null);
        }
        assertThat(nested.resolve("registry.json")).content().contains("\"3\"");
    }

    @Test
    void runPathThatIsAFileFailsStartWithOneLineNamingIt() throws IOException {
        Path notAFolder = Files.writeString(runPath.resolve("plain-file"), "x");

        assertUnwritable(notAFolder);
        assertUnwritable(notAFolder.resolve("run"));
    }

    private void assertUnwritable(Path folder) {
        Auditor auditor = new Auditor(folder, TTL, clock, BY_HAND);
        assertThatThrownBy(auditor::start)
                .isInstanceOf(StartupException.class)
                .hasMessageContaining(folder.toString())
                .hasMessageNotContaining("\n");
    }
}
