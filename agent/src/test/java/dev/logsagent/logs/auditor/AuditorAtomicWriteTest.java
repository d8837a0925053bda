package dev.logsagent.logs.auditor;

import dev.logsagent.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

/**
 * The registry on disk is always a whole one. A failing write is provoked with a directory where the temp file
 * goes: unlike a read-only folder, that also fails for root, which the tests may run as.
 */
class AuditorAtomicWriteTest {
    static final Duration TTL = Duration.ofHours(23);
    static final Duration BY_HAND = Duration.ofHours(1);

    @TempDir
    Path runPath;

    final ManualClock clock = new ManualClock(Instant.parse("2024-05-06T07:08:09Z"));

    Path registryFile() {
        return runPath.resolve("registry.json");
    }

    Path blockTempFile() throws IOException {
        Path obstacle = runPath.resolve("registry.json.tmp");
        Files.createDirectories(obstacle);
        Files.writeString(obstacle.resolve("keeps-it-non-empty"), "x");
        return obstacle;
    }

    void unblock(Path obstacle) throws IOException {
        Files.delete(obstacle.resolve("keeps-it-non-empty"));
        Files.delete(obstacle);
    }

    List<String> folderContent() throws IOException {
        try (Stream<Path> files = Files.list(runPath)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void leavesNoTempFileBehind() throws IOException {
        try (Auditor auditor = new Auditor(runPath, TTL, clock, BY_HAND)) {
            auditor.start();
            for (int i = 0; i < 20; i++) {
                auditor.commit("file:/var/log/app.log", Integer.toString(i), "end", null);
                auditor.flush();
            }
        }

        assertThat(folderContent()).containsExactly("registry.json");
    }

    @Test
    void failedWriteKeepsThePreviousRegistryAndIsReportedNotThrown() throws IOException {
        try (Auditor auditor = new Auditor(runPath, TTL, clock, BY_HAND)) {
            auditor.start();
            auditor.commit("file:/var/log/app.log", "100", "end", null);
            auditor.flush();
            byte[] before = Files.readAllBytes(registryFile());
            Path obstacle = blockTempFile();

            auditor.commit("file:/var/log/app.log", "200", "end", null);
            assertThatCode(auditor::flush).doesNotThrowAnyException();

            assertThat(registryFile()).hasBinaryContent(before);
            assertThat(auditor.problems()).singleElement().asString()
                    .contains(registryFile().toString(), "could not be written", "previous one is kept");

            unblock(obstacle);
            auditor.flush();

            assertThat(registryFile()).content().contains("\"200\"");
            assertThat(auditor.problems()).isEmpty();
        }
        assertThat(folderContent()).containsExactly("registry.json");
    }

    @Test
    void flusherReportsFailedWritesAndRetriesThem() throws IOException {
        try (Auditor auditor = new Auditor(runPath, TTL, clock, Duration.ofMillis(10))) {
            auditor.start();
            Path obstacle = blockTempFile();
            auditor.commit("file:/var/log/app.log", "300", "end", null);

            await().atMost(Duration.ofSeconds(5)).until(() -> !auditor.problems().isEmpty());
            assertThat(registryFile()).doesNotExist();

            unblock(obstacle);

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(registryFile()).content().contains("\"300\"");
                assertThat(auditor.problems()).isEmpty();
            });
        }
    }

    @Test
    void tempFileLeftByACrashIsClearedAtStart() throws IOException {
        Files.writeString(registryFile(), "{\"Version\":2,\"Registry\":{\"file:/a.log\":"
                + "{\"LastUpdated\":\"2024-05-06T07:00:00Z\",\"Offset\":\"9\"}}}");
        Files.writeString(runPath.resolve("registry.json.tmp"), "{\"Version\":2,\"Regi");

        try (Auditor auditor = new Auditor(runPath, TTL, clock, BY_HAND)) {
            auditor.start();

            assertThat(auditor.get("file:/a.log")).map(RegistryEntry::offset).contains("9");
            assertThat(folderContent()).containsExactly("registry.json");
        }
    }
}
