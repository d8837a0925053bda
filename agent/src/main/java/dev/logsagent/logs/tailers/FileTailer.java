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
 * Reads one file from an offset, in large chunks, into its decoder, on its own virtual thread. At the end of the
 * file it polls with a growing pause. A file that shrank below the read offset was truncated (copytruncate): it is
 * read again from 0 as a new generation. Once told the path now holds another file (rotation) or is gone, it reads
 * what is left, keeps an eye on late writes until {@code close_timeout} passes, then closes.
 */
public final class FileTailer {
    private static final Logger LOG = LoggerFactory.getLogger(FileTailer.class);
    private static final long MIN_PAUSE_NANOS = Duration.ofMillis(5).toNanos();
    private static final long MAX_PAUSE_NANOS = Duration.ofMillis(200).toNanos();

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
                      LogsMetrics metrics, Duration closeTimeout, LongSupplier nanoClock) {
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
        this.position.set(startOffset);
        this.decoder = decoders.create(identity, startOffset, this::collect);
    }

    public void start() {
        startedNanos = nanoClock.getAsLong();
        lastActivity.set(startedNanos);
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
        long pause = MIN_PAUSE_NANOS;
        try {
            while (!stopping) {
                long n = readChunk();
                if (n > 0) {
                    atEnd = false;
                    lastActivity.set(nanoClock.getAsLong());
                    if (n == buffers.bufferSize()) {
                        // More is waiting: read on at once.
                        pause = MIN_PAUSE_NANOS;
                        continue;
                    }
                    // Caught up with a file that is being written: wait as long as last time, so the pause
                    // settles near the writer's own rhythm instead of polling a thousand files every 5 ms.
                    Thread.sleep(Duration.ofNanos(pause));
                    continue;
                }
                atEnd = true;
                decoder.flushIfIdle();
                handOver();
                if (channel.size() < position.get()) {
                    restartAfterTruncation();
                    continue;
                }
                if (draining && nanoClock.getAsLong() - lastActivity.get() >= closeTimeoutNanos) {
                    decoder.flushAll();
                    handOver();
                    return;
                }
                Thread.sleep(Duration.ofNanos(pause));
                pause = Math.min(pause * 2, MAX_PAUSE_NANOS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            if (!stopping) {
                source.addMessage("cannot read " + path + ": " + e.getMessage());
                LOG.warn("stopped tailing {}: {}", path, e.toString());
            }
        } finally {
            close();
        }
    }

    private long readChunk() throws IOException, InterruptedException {
        byte[] buf = buffers.take();
        int n;
        try {
            long pos = position.get();
            n = channel.read(ByteBuffer.wrap(buf), pos);
            if (n <= 0) {
                return 0;
            }
            position.set(pos + n);
            source.addBytesRead(n);
            decoder.decode(buf, 0, n);
        } finally {
            buffers.release(buf);
        }
        handOver();
        return n;
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
