package dev.logsagent.bench.live;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class PacedWriterTest {
    private static final long RATE = 20 << 10;
    private static final long SLICE = TimeUnit.MILLISECONDS.toNanos(20);

    @Test
    void writesEveryFileAtTheRateInStampedNumberedLines(@TempDir Path dir) throws Exception {
        List<Path> files = List.of(dir.resolve("a.log"), dir.resolve("b.log"), dir.resolve("c.log"));
        RunClock clock = RunClock.start();
        PacedWriter.Totals totals;
        try (PacedWriter writer = new PacedWriter(files, clock)) {
            totals = writer.run(RATE, TimeUnit.MILLISECONDS.toNanos(500), SLICE);
        }

        long expectedPerFile = RATE * totals.nanos() / 1_000_000_000L;
        long total = 0;
        for (int f = 0; f < files.size(); f++) {
            byte[] content = Files.readAllBytes(files.get(f));
            total += content.length;
            // the last slice may end up to a slice before the window; a line may overshoot
            assertThat((long) content.length).isBetween(expectedPerFile - RATE * SLICE / 1_000_000_000L - 1024,
                    expectedPerFile + 1024);
            List<String> lines = List.of(new String(content, StandardCharsets.US_ASCII).split("\n"));
            long lastNanos = -1;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                LineStamp stamp = LineStamp.parse(line.toCharArray(), 0, line.length());
                assertThat(stamp).isNotNull();
                assertThat(stamp.file()).isEqualTo(f);
                assertThat(stamp.seq()).isEqualTo(i);
                assertThat(stamp.nanos()).isGreaterThanOrEqualTo(lastNanos).isLessThanOrEqualTo(clock.nanos());
                lastNanos = stamp.nanos();
            }
        }
        assertThat(totals.bytes()).isEqualTo(total);
    }

    @Test
    void seedsOneLineInEveryFile(@TempDir Path dir) throws Exception {
        List<Path> files = List.of(dir.resolve("a.log"), dir.resolve("b.log"));
        try (PacedWriter writer = new PacedWriter(files, RunClock.start())) {
            writer.seedOneLineEach();
            assertThat(writer.linesWritten()).isEqualTo(2);
        }

        for (Path f : files) {
            assertThat(Files.readAllLines(f)).singleElement().asString().contains(" n=0000000000 ");
        }
    }
}
