package dev.logsagent.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Files rotated the ways logrotate does it, while the agent reads them: nothing may be lost. */
class RotationEndToEndTest {

    @Test
    void renameRotationLosesNothing(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("app.log");
        try (AgentHarness h = new AgentHarness(dir)) {
            h.fileSource("app", log.toString(), null);
            LogLines.append(log, "n", 0, 1000);
            h.start();
            h.awaitMessages(1000, Duration.ofSeconds(30));
            // Lines written just before the rename are still in the old file: they must be read from it.
            LogLines.append(log, "n", 1000, 1500);
            Files.move(log, dir.resolve("app.log.1"), StandardCopyOption.ATOMIC_MOVE);
            LogLines.append(dir.resolve("app.log.1"), "n", 1500, 1600);
            LogLines.append(log, "n", 1600, 2500);
            h.awaitMessages(2500, Duration.ofSeconds(30));
            Thread.sleep(500);
            assertThat(LogLines.withPrefix(h.intake.messages(), "n")).hasSize(2500)
                    .containsExactlyInAnyOrderElementsOf(LogLines.expected("n", 0, 2500));
            assertThat(h.agent().stop()).isZero();
        }
    }

    @Test
    void copyTruncateLosesNothing(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("app.log");
        try (AgentHarness h = new AgentHarness(dir)) {
            h.fileSource("app", log.toString(), null);
            LogLines.append(log, "c", 0, 1000);
            h.start();
            h.awaitMessages(1000, Duration.ofSeconds(30));
            Files.copy(log, dir.resolve("app.log.1"));
            truncate(log);
            LogLines.append(log, "c", 1000, 1300);
            h.awaitMessages(1300, Duration.ofSeconds(30));
            Thread.sleep(500);
            LogLines.assertExactlyOnceInOrder(h.intake.messages(), "c", 1300);
            assertThat(h.agent().stop()).isZero();
        }
    }

    @Test
    void truncationRestartsFromTheStartOfTheFile(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("app.log");
        try (AgentHarness h = new AgentHarness(dir)) {
            h.fileSource("app", log.toString(), null);
            LogLines.append(log, "t", 0, 500);
            h.start();
            h.awaitMessages(500, Duration.ofSeconds(30));
            truncate(log);
            // Fewer bytes than before: the tailer sees the size drop below its offset.
            LogLines.append(log, "t", 500, 600);
            h.awaitMessages(600, Duration.ofSeconds(30));
            Thread.sleep(500);
            LogLines.assertExactlyOnceInOrder(h.intake.messages(), "t", 600);
            assertThat(h.agent().stop()).isZero();
        }
    }

    @Test
    void aNewFileReusingThePathIsReadFromItsStartEvenWhenLarger(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("app.log");
        try (AgentHarness h = new AgentHarness(dir)) {
            h.fileSource("app", log.toString(), null);
            LogLines.append(log, "o", 0, 100);
            h.start();
            h.awaitMessages(100, Duration.ofSeconds(30));
            assertThat(h.agent().stop()).isZero();
            // Replaced while the agent was down by a larger file: the saved offset must not be applied to it.
            Files.delete(log);
            LogLines.append(log, "p", 0, 300);
            h.start();
            h.awaitMessages(400, Duration.ofSeconds(30));
            LogLines.assertExactlyOnceInOrder(h.intake.messages(), "p", 300);
            assertThat(h.agent().stop()).isZero();
        }
    }

    private static void truncate(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(0);
        }
    }
}
