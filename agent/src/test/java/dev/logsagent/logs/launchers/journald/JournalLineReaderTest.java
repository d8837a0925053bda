package dev.logsagent.logs.launchers.journald;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JournalLineReaderTest {
    private final List<String> lines = new ArrayList<>();
    private final List<Long> tooLong = new ArrayList<>();

    /** Hands out at most {@code chunk} bytes per read, as a pipe does. */
    private static InputStream trickling(String text, int chunk) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    private void read(String text, int chunk, int initial, int max) throws Exception {
        new JournalLineReader(trickling(text, chunk), initial, max).readAll(
                (buf, off, len) -> lines.add(new String(buf, off, len, StandardCharsets.UTF_8)), tooLong::add);
    }

    @Test
    void linesSplitAcrossReadsAndLongerThanTheFirstBufferComeWhole() throws Exception {
        read("one\ntwo-is-longer\n\nthree", 3, 4, 1024);

        assertThat(lines).containsExactly("one", "two-is-longer", "", "three");
        assertThat(tooLong).isEmpty();
    }

    @Test
    void aLineLongerThanTheBoundIsSkippedAndReportedAndReadingGoesOn() throws Exception {
        read("short\n" + "x".repeat(50) + "\nafter\n" + "y".repeat(40), 7, 8, 16);

        assertThat(lines).containsExactly("short", "after");
        assertThat(tooLong).containsExactly(50L, 40L);
    }
}
