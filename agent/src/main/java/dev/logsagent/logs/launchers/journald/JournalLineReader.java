package dev.logsagent.logs.launchers.journald;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * Cuts journalctl's output (one JSON entry per line) into lines, handed over as views of its buffer: no copy per
 * line. The buffer grows for long lines up to a bound; a longer line is skipped and reported, so that one huge entry
 * cannot exhaust memory.
 */
public final class JournalLineReader {
    /** Takes one line, without its newline; the bytes are valid only during the call. */
    @FunctionalInterface
    public interface LineHandler {
        void line(byte[] buf, int off, int len) throws InterruptedException;
    }

    private final InputStream in;
    private final int maxLineBytes;
    private byte[] buf;

    public JournalLineReader(InputStream in, int initialBytes, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.buf = new byte[Math.min(initialBytes, maxLineBytes)];
    }

    /**
     * Reads until the end of the stream. A last line without a newline is handed over too.
     *
     * @param tooLong told the size of each line longer than the bound, which is skipped
     */
    public void readAll(LineHandler handler, LongConsumer tooLong) throws IOException, InterruptedException {
        int start = 0;
        int end = 0;
        int scanned = 0;
        long skipping = -1;
        while (true) {
            if (end == buf.length) {
                if (start > 0) {
                    System.arraycopy(buf, start, buf, 0, end - start);
                    end -= start;
                    scanned -= start;
                    start = 0;
                } else if (buf.length < maxLineBytes) {
                    buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, maxLineBytes));
                } else {
                    // A line fills the whole buffer: drop what is buffered and skip to its end.
                    skipping = Math.max(skipping, 0) + end;
                    start = end = scanned = 0;
                }
            }
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                if (skipping >= 0) {
                    tooLong.accept(skipping + end);
                } else if (end > start) {
                    handler.line(buf, start, end - start);
                }
                return;
            }
            end += n;
            for (int i = scanned; i < end; i++) {
                if (buf[i] != '\n') {
                    continue;
                }
                if (skipping >= 0) {
                    tooLong.accept(skipping + i - start);
                    skipping = -1;
                } else {
                    handler.line(buf, start, i - start);
                }
                start = i + 1;
            }
            scanned = end;
            if (start == end) {
                start = end = scanned = 0;
            }
        }
    }
}
