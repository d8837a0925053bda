package dev.logsagent.bench.live;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Appends stamped lines to many files at a steady rate each, from the calling thread: the files stay open, and every
 * time slice each file gets the lines it is owed by then, in one {@code write}. Writing must cost little next to
 * the agent, so lines are assembled in place in one direct buffer and nothing is allocated per line.
 */
final class PacedWriter implements AutoCloseable {
    /** What was written. */
    record Totals(long lines, long bytes, long nanos, long lateSlices) {
    }

    private static final int FILLERS = 4096;
    private static final int BUFFER = 256 << 10;

    private final FileChannel[] channels;
    private final long[] nextSeq;
    private final long[] written;
    private final long[] phase;
    private final byte[][] fillers = FillerLines.generate(FILLERS);
    private final byte[] line = new byte[LineStamp.maxLineLength(fillers)];
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
    private final RunClock clock;
    private int nextFiller;
    private long lines;
    private long bytes;

    /** Opens (creating them when needed) every file for appending. */
    PacedWriter(List<Path> files, RunClock clock) throws IOException {
        if (files.size() - 1 > LineStamp.MAX_FILE) {
            throw new IllegalArgumentException("at most " + (LineStamp.MAX_FILE + 1) + " files");
        }
        this.clock = clock;
        int n = files.size();
        channels = new FileChannel[n];
        nextSeq = new long[n];
        written = new long[n];
        phase = new long[n];
        try {
            for (int i = 0; i < n; i++) {
                channels[i] = FileChannel.open(files.get(i), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
                // Spread the files over a line's worth of bytes, so slow files do not all write in the same slice.
                phase[i] = (long) i * line.length / n;
            }
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /** One line in every file, before the agent starts (a start-up backlog for {@code start_position: beginning}). */
    void seedOneLineEach() throws IOException {
        for (int f = 0; f < channels.length; f++) {
            buffer.clear();
            append(f, clock.nanos());
            flush(f);
        }
    }

    /**
     * Writes for {@code durationNanos}: every {@code sliceNanos}, each file gets the lines that bring it to
     * {@code bytesPerSecond} × elapsed time. A slice that starts late catches up in full.
     */
    Totals run(long bytesPerSecond, long durationNanos, long sliceNanos) throws IOException {
        long start = clock.nanos();
        long end = start + durationNanos;
        long linesBefore = lines;
        long bytesBefore = bytes;
        long late = 0;
        long nextSlice = start;
        for (long now = start; now < end; now = clock.nanos()) {
            double due = bytesPerSecond * RunClock.seconds(now - start);
            for (int f = 0; f < channels.length; f++) {
                long owed = (long) due + phase[f] - written[f];
                if (owed <= 0) {
                    continue;
                }
                buffer.clear();
                long stamp = clock.nanos();
                while (owed > 0) {
                    if (buffer.remaining() < line.length) {
                        flush(f);
                        buffer.clear();
                    }
                    owed -= append(f, stamp);
                }
                flush(f);
            }
            nextSlice += sliceNanos;
            long wait = nextSlice - clock.nanos();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                late++;
                nextSlice = clock.nanos();
            }
        }
        return new Totals(lines - linesBefore, bytes - bytesBefore, clock.nanos() - start, late);
    }

    long linesWritten() {
        return lines;
    }

    long bytesWritten() {
        return bytes;
    }

    /** Adds one line for file {@code f} to the buffer; returns its length. */
    private int append(int f, long stamp) {
        byte[] filler = fillers[nextFiller];
        nextFiller = (nextFiller + 1) % FILLERS;
        int length = LineStamp.line(line, 0, f, nextSeq[f]++, stamp, filler);
        buffer.put(line, 0, length);
        written[f] += length;
        lines++;
        bytes += length;
        return length;
    }

    private void flush(int f) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channels[f].write(buffer);
        }
    }

    @Override
    public void close() throws IOException {
        for (FileChannel c : channels) {
            if (c != null) {
                c.close();
            }
        }
    }
}
