package dev.logsagent.logs.tailers;

import dev.logsagent.logs.decoder.Decoder;
import dev.logsagent.logs.launchers.file.BufferPool;
import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.message.MessageSink;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.telemetry.LogsMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Reads one file from an offset, in large chunks, into its decoder, on its own virtual thread. Once caught up it
 * waits on the shared {@link TailerWakeups}: a file that is being written is read again at its next turn; an idle
 * file in a watched directory waits for a write (with a safety timeout); an idle file that is not watched, or one
 * rotated away, is polled with a growing pause. A file that shrank below the read offset was truncated
 * (copytruncate): it is read again from 0 as a new generation. Once told the path now holds another file (rotation)
 * or is gone, it reads what is left, keeps an eye on late writes until {@code close_timeout} passes, then closes.
 */
public final class FileTailer {
    private static final Logger LOG = LoggerFactory.getLogger(FileTailer.class);
    /** Longest pause, in turns, between two polls of an idle file whose writes are not announced (1 s). */
    private static final int MAX_POLL_TURNS = 4;
    /** How long, in turns, an idle watched file waits for an announcement before it is read anyway (5 s). */
    private static final int SAFETY_TURNS = 20;
    /**
     * Safety timeouts in a row that must find unannounced data before a file is polled instead: one may be a write
     * that came just as the timeout passed, before its announcement.
     */
    private static final int UNANNOUNCED_TO_POLL = 2;
    /**
     * For how long after its last data a file whose decoder holds bytes (a multi-line message, a partial record) is
     * read at every turn, so what waits for {@code aggregation_timeout} is flushed on time.
     */
    private static final long HELD_BYTES_POLL_NANOS = Duration.ofSeconds(10).toNanos();

    /** Makes the decoder of a generation, writing to the given sink. */
    public interface DecoderFactory {
        Decoder create(InputIdentity identity, long startOffset, MessageSink out);
    }

    private final Path path;
    private final LogSource source;
    private final FileChannel channel;
    private final BufferPool buffers;
    private final DecoderFactory decoders;
    private final MessageSink pipeline;
    /** What the decoder cut out of the current chunk, handed to the pipeline in one piece. */
    private List<Message> decoded = new ArrayList<>();
    private final Function<InputIdentity, InputIdentity> onTruncation;
    private final LogsMetrics metrics;
    private final long closeTimeoutNanos;
    private final LongSupplier nanoClock;
    private final TailerWakeups wakeups;
    private TailerWakeups.Waiter waiter;
    /** Turns between polls of an idle file that must be polled; grows while it stays idle. Tailer thread only. */
    private int pollTurns = 1;
    /** The last wait for an announcement timed out. Tailer thread only. */
    private boolean timedOut;
    /** Safety timeouts in a row that found data no announcement told of. Tailer thread only. */
    private int unannounced;
    private final AtomicLong position = new AtomicLong();
    private final AtomicLong lastActivity = new AtomicLong();
    private volatile InputIdentity identity;
    private volatile boolean stopping;
    private volatile boolean draining;
    private volatile boolean atEnd;
    private volatile Thread thread;
    private Decoder decoder;
    private volatile long startedNanos;

    /**
     * @param onTruncation called when the file was truncated, with the old identity; returns the identity of the
     *                     generation that starts at offset 0
     */
    public FileTailer(Path path, LogSource source, FileChannel channel, InputIdentity identity, long startOffset,
                      BufferPool buffers, DecoderFactory decoders, MessageSink pipeline,
                      Function<InputIdentity, InputIdentity> onTruncation,
                      LogsMetrics metrics, Duration closeTimeout, LongSupplier nanoClock, TailerWakeups wakeups) {
        this.path = path;
        this.source = source;
        this.channel = channel;
        this.identity = identity;
        this.buffers = buffers;
        this.decoders = decoders;
        this.pipeline = pipeline;
        this.onTruncation = onTruncation;
        this.metrics = metrics;
        this.closeTimeoutNanos = closeTimeout.toNanos();
        this.nanoClock = nanoClock;
        this.wakeups = wakeups;
        this.position.set(startOffset);
        this.decoder = decoders.create(identity, startOffset, this::collect);
    }

    public void start() {
        startedNanos = nanoClock.getAsLong();
        lastActivity.set(startedNanos);
        waiter = wakeups.register(path);
        thread = Thread.ofVirtual().name("tailer-" + path).start(this::run);
    }

    public Path path() {
        return path;
    }

    public InputIdentity identity() {
        return identity;
    }

    public FileChannel channel() {
        return channel;
    }

    /** Bytes of the file read so far (the decoder may hold back the tail of a partial line). */
    public long position() {
        return position.get();
    }

    public long startedNanos() {
        return startedNanos;
    }

    /** Where to resume once stopped: after the last line handed on, before any partial line held back. */
    public long resumeOffset() {
        return position.get() - decoder.pendingBytes();
    }

    /** True when the last read found nothing new: the tailer has caught up. */
    public boolean atEnd() {
        return atEnd;
    }

    public boolean isDraining() {
        return draining;
    }

    public boolean isAlive() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    /** The path no longer leads to this file: read the rest, then close after close_timeout without new data. */
    public void drain() {
        draining = true;
    }

    /** Stops reading now; what was not delivered is read again after a restart. */
    public void stop() {
        stopping = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    public void awaitStopped(Duration timeout) throws InterruptedException {
        Thread t = thread;
        if (t != null) {
            t.join(timeout);
        }
    }

    private void run() {
        try {
            // The loop is entered once per tailer and runs for its whole life, so it is never compiled in the
            // thousand threads it runs in: the work of each pass is in a method of its own, which is.
            boolean more = true;
            while (more && !stopping) {
                more = readThenWait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            if (!stopping) {
                source.addMessage("cannot read " + path + ": " + e.getMessage());
                LOG.warn("stopped tailing {}: {}", path, e.toString());
            }
        } finally {
            waiter.close();
            close();
        }
    }

    /** Reads once, then waits if caught up; false once the tailer is done (close_timeout passed after rotation). */
    private boolean readThenWait() throws IOException, InterruptedException {
        long n = readChunk();
        if (n > 0) {
            atEnd = false;
            lastActivity.set(nanoClock.getAsLong());
            if (timedOut && waiter.watched() && ++unannounced >= UNANNOUNCED_TO_POLL) {
                // Safety timeouts keep finding what no announcement told of: writes to this file are not seen (a
                // network file system, writes through another path); poll it from now on.
                LOG.debug("writes to {} are not announced: polling it", path);
                waiter.stopTrusting();
            } else if (!timedOut) {
                unannounced = 0;
            }
            timedOut = false;
            if (n == buffers.bufferSize()) {
                // More is waiting: read on at once.
                return true;
            }
            // Caught up with a file that is being written: read what comes meanwhile at its next turn.
            pollTurns = 1;
            waiter.awaitTurn();
            return true;
        }
        atEnd = true;
        decoder.flushIfIdle();
        handOver();
        if (channel.size() < position.get()) {
            restartAfterTruncation();
            return true;
        }
        if (draining && nanoClock.getAsLong() - lastActivity.get() >= closeTimeoutNanos) {
            decoder.flushAll();
            handOver();
            return false;
        }
        timedOut = awaitMore();
        pollTurns = Math.min(pollTurns * 2, MAX_POLL_TURNS);
        return true;
    }

    /**
     * Waits, at the end of the file, for more: until a write is announced, or a safety timeout. Polls instead when
     * writes are not announced, when the file was rotated away (its writes now carry another name), and while the
     * decoder holds bytes that may have to be flushed.
     *
     * @return true when a watched file's safety timeout passed with no announcement
     */
    private boolean awaitMore() throws InterruptedException {
        if (decoder.pendingBytes() > 0 && nanoClock.getAsLong() - lastActivity.get() < HELD_BYTES_POLL_NANOS) {
            waiter.awaitChange(1);
            return false;
        }
        if (draining || !waiter.watched()) {
            waiter.awaitChange(pollTurns);
            return false;
        }
        return !waiter.awaitChange(SAFETY_TURNS);
    }

    private long readChunk() throws IOException, InterruptedException {
        // The buffer is held until the chunk's messages are handed over: while the pipelines are full, the tailers
        // that hold decoded messages are at most the pool's buffers; the others wait here holding nothing (a slow
        // intake behind hundreds of growing files would otherwise keep a chunk per file on the heap).
        byte[] buf = buffers.take();
        try {
            long pos = position.get();
            int n = channel.read(ByteBuffer.wrap(buf), pos);
            if (n <= 0) {
                return 0;
            }
            position.set(pos + n);
            source.addBytesRead(n);
            decoder.decode(buf, 0, n);
            handOver();
            return n;
        } finally {
            buffers.release(buf);
        }
    }

    private void collect(Message m) {
        decoded.add(m);
    }

    private void handOver() throws InterruptedException {
        if (!decoded.isEmpty()) {
            List<Message> chunk = decoded;
            decoded = new ArrayList<>(chunk.size());
            pipeline.acceptAll(chunk);
        }
    }

    private void restartAfterTruncation() {
        LOG.info("{} was truncated at {} bytes: reading it again from the start", path, position.get());
        long lost = decoder.pendingBytes();
        if (lost > 0) {
            metrics.bytesMissed.inc(lost);
        }
        // Identity first, then position: the launcher's replacement check reads them in the other order.
        identity = onTruncation.apply(identity);
        position.set(0);
        decoder = decoders.create(identity, 0, this::collect);
    }

    private void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing {}: {}", path, e.toString());
        }
    }
}
