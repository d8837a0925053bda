package dev.logsagent.logs.launchers.file;

import dev.logsagent.config.StartPosition;
import dev.logsagent.logs.auditor.RegistryEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StartOffsetTest {
    private Path file;
    private FileChannel channel;

    @BeforeEach
    void writeFile(@TempDir Path dir) throws IOException {
        file = Files.writeString(dir.resolve("app.log"), "first line\nsecond line\nthird line\n");
        channel = FileChannel.open(file);
    }

    private RegistryEntry saved(long offset, String fingerprint) {
        return new RegistryEntry(Long.toString(offset), Instant.EPOCH, "end", fingerprint);
    }

    @Test
    void resumesFromTheRegistryWhenTheFileStillStartsTheSame() throws IOException {
        String fp = FileFingerprint.compute(channel);
        assertThat(StartOffset.of(channel, StartPosition.END, true, null, saved(11, fp))).isEqualTo(11);
    }

    @Test
    void readsAFileWithOtherLeadingBytesFromItsStartEvenWhenTheOffsetFits() throws IOException {
        assertThat(StartOffset.of(channel, StartPosition.END, true, null, saved(11, "10:deadbeef"))).isZero();
    }

    @Test
    void readsAFileShorterThanTheSavedOffsetFromItsStart() throws IOException {
        assertThat(StartOffset.of(channel, StartPosition.END, true, null, saved(10_000, null))).isZero();
    }

    @Test
    void forcePositionsIgnoreTheRegistry() throws IOException {
        RegistryEntry entry = saved(11, FileFingerprint.compute(channel));
        assertThat(StartOffset.of(channel, StartPosition.FORCE_BEGINNING, true, null, entry)).isZero();
        assertThat(StartOffset.of(channel, StartPosition.FORCE_END, true, null, entry)).isEqualTo(channel.size());
    }

    @Test
    void withoutRegistryPreexistingFilesFollowTheStartPositionAndNewFilesStartAtZero() throws IOException {
        assertThat(StartOffset.of(channel, StartPosition.END, true, null, null)).isEqualTo(channel.size());
        assertThat(StartOffset.of(channel, StartPosition.BEGINNING, true, null, null)).isZero();
        assertThat(StartOffset.of(channel, StartPosition.END, false, null, null)).isZero();
    }

    @Test
    void aFileRotatedOutByTheLimitResumesWhereItStoppedAheadOfTheRegistry() throws IOException {
        String fp = FileFingerprint.compute(channel);
        assertThat(StartOffset.of(channel, StartPosition.END, true, new StartOffset.Resume(23, fp), saved(11, fp)))
                .isEqualTo(23);
    }
}
