package dev.logsagent.bench.live;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Many client connections to one TCP port, each sending stamped lines at a steady rate from its own virtual thread:
 * a connection the receiver stops reading blocks only itself, as separate clients would. A connection writes the
 * lines it owes by now in one {@code write}, then sleeps until its next line is owed, but at least a slice, so a
 * slow connection wakes once per line and a fast one once per slice. Lines are assembled in place in one buffer
 * per connection; nothing is allocated per line.
 */
final class PacedConnections implements AutoCloseable {
    /**
     * What was sent.
     *
     * @param nanos      from the start until the last connection stopped sending
     * @param lateWrites writes that started more than a slice after they were due (the box could not keep up, or
     *                   the receiver held a connection back)
     * @param failed     connections whose write failed (the receiver closed them); {@code firstError} says why
     */
    record Totals(long lines, long bytes, long nanos, long lateWrites, int failed, String firstError) {
    }

    private static final int FILLERS = 4096;
    private static final int BUFFER = 16 << 10;
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final List<Socket> sockets = new ArrayList<>();
    private final byte[][] fillers = FillerLines.generate(FILLERS);
    private final int maxLine = LineStamp.maxLineLength(fillers);
    private final RunClock clock;
    private final long[] lines;
    private final long[] bytes;

    /** Opens {@code count} connections to {@code address}, one after another. */
    PacedConnections(InetSocketAddress address, int count, RunClock clock) throws IOException {
        if (count - 1 > LineStamp.MAX_FILE) {
            throw new IllegalArgumentException("at most " + (LineStamp.MAX_FILE + 1) + " connections");
        }
        this.clock = clock;
        lines = new long[count];
        bytes = new long[count];
        try {
            for (int i = 0; i < count; i++) {
                Socket socket = new Socket();
                sockets.add(socket);
                // Each write is a whole slice of lines: Nagle's wait for the peer's (delayed) ACK only adds lag.
                socket.setTcpNoDelay(true);
                socket.connect(address, CONNECT_TIMEOUT_MILLIS);
            }
        } catch (IOException e) {
            close();
            throw new IOException("connection " + (sockets.size() - 1) + " (of " + count + ") to " + address + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Sends for {@code durationNanos}: each connection is kept at {@code bytesPerSecond} × elapsed time, its start
     * shifted by part of a line so the connections do not all write at the same instant. A write that starts
     * late catches up in full. Returns once every connection has stopped.
     */
    Totals run(long bytesPerSecond, long durationNanos, long sliceNanos) throws InterruptedException {
        long start = clock.nanos();
        long end = start + durationNanos;
        long linesBefore = linesWritten();
        long bytesBefore = bytesWritten();
        LongAdder late = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicLong lastStop = new AtomicLong(start);
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>(sockets.size());
        for (int i = 0; i < sockets.size(); i++) {
            int c = i;
            threads.add(Thread.ofVirtual().name("sender-" + c).start(() -> {
                try {
                    send(c, bytesPerSecond, start, end, sliceNanos, late);
                } catch (IOException e) {
                    failed.increment();
                    firstError.compareAndSet(null, "connection " + c + ": " + e.getMessage());
                }
                lastStop.accumulateAndGet(clock.nanos(), Math::max);
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return new Totals(linesWritten() - linesBefore, bytesWritten() - bytesBefore, lastStop.get() - start,
                late.sum(), failed.intValue(), firstError.get());
    }

    private void send(int c, long rate, long start, long end, long sliceNanos, LongAdder late) throws IOException {
        OutputStream out = sockets.get(c).getOutputStream();
        byte[] buffer = new byte[BUFFER];
        long phase = (long) c * maxLine / sockets.size();
        int filler = c % FILLERS;
        // Lateness counts from the thread's start: starting a thousand threads is not the pace falling behind.
        long due = clock.nanos();
        for (long now = due; now < end; now = clock.nanos()) {
            if (now - due > sliceNanos) {
                late.increment();
            }
            long owed = (long) (rate * RunClock.seconds(now - start)) + phase - bytes[c];
            int length = 0;
            while (owed > 0) {
                if (length + maxLine > buffer.length) {
                    out.write(buffer, 0, length);
                    length = 0;
                }
                int n = line(buffer, length, c, now, fillers[filler]);
                filler = (filler + 1) % FILLERS;
                length += n;
                owed -= n;
            }
            if (length > 0) {
                out.write(buffer, 0, length);
            }
            // The next line is owed once rate × elapsed + phase passes what was sent by a byte.
            long nextOwed = start + (long) Math.ceil((bytes[c] - phase + 1) * 1e9 / rate);
            due = Math.max(nextOwed, now + sliceNanos);
            long wait = Math.min(due, end) - clock.nanos();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    /** Puts connection {@code c}'s next line at {@code buffer[at]}; returns its length. */
    private int line(byte[] buffer, int at, int c, long stamp, byte[] filler) {
        int length = LineStamp.line(buffer, at, c, lines[c]++, stamp, filler);
        bytes[c] += length;
        return length;
    }

    /** Lines sent so far; exact once {@link #run} has returned. */
    long linesWritten() {
        long sum = 0;
        for (long n : lines) {
            sum += n;
        }
        return sum;
    }

    long bytesWritten() {
        long sum = 0;
        for (long n : bytes) {
            sum += n;
        }
        return sum;
    }

    /** Closes every connection: the receiver sees the end of each stream. */
    @Override
    public void close() {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // Closing is all that is left to do with it.
            }
        }
    }
}
