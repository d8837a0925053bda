package dev.logsagent.logs.sender;

import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.message.Origin;
import dev.logsagent.serializer.GrowableBuffer;
import dev.logsagent.serializer.LogEncoder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Encodes processed messages straight into the next payload's JSON array and hands the payload over when it
 * reaches {@code batch_max_size} records, {@code batch_max_content_size} bytes, or {@code batch_wait} of age, or
 * when its input has been quiet for {@link #IDLE_FLUSH}: a stream that stops (the end of a file, a burst) is not
 * held back for the whole {@code batch_wait}, while a steady stream still fills its batches.
 * Owned by one pipeline's processor thread: no locking.
 */
public final class BatchStrategy {
    /** Receives full payloads; may block, which is how back-pressure reaches the processor. */
    @FunctionalInterface
    public interface PayloadSink {
        void accept(Payload payload) throws InterruptedException;
    }

    private final int maxSize;
    private final int maxContentSize;
    /** How long a batch waits for more logs once its input went quiet. */
    public static final Duration IDLE_FLUSH = Duration.ofMillis(250);

    private final long waitNanos;
    private final long idleNanos;
    private long lastAddedNanos;
    private final LogEncoder encoder;
    private final PayloadSink out;
    private final LongSupplier nanoClock;
    private final PayloadBuffers buffers;

    private GrowableBuffer buffer;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int count;
    private long contentBytes;
    private final Map<InputIdentity, Origin> checkpoints = new LinkedHashMap<>();
    private InputIdentity lastInput;
    private Origin lastOrigin;
    private long firstAddedNanos;
    private boolean pending;
    private long sequence;
    private int lastPayloadLength;

    /** A batch strategy whose payload arrays are not reused (their receiver does not give them back). */
    public BatchStrategy(int maxSize, int maxContentSize, Duration wait, LogEncoder encoder, PayloadSink out,
                         LongSupplier nanoClock) {
        this(maxSize, maxContentSize, wait, encoder, out, nanoClock, new PayloadBuffers(1));
    }

    /** @param buffers where payload arrays come from; the receiver of the payloads gives them back there */
    public BatchStrategy(int maxSize, int maxContentSize, Duration wait, LogEncoder encoder, PayloadSink out,
                         LongSupplier nanoClock, PayloadBuffers buffers) {
        this.buffers = buffers;
        this.maxSize = maxSize;
        this.maxContentSize = maxContentSize;
        this.waitNanos = wait.toNanos();
        this.idleNanos = Math.min(waitNanos, IDLE_FLUSH.toNanos());
        this.encoder = encoder;
        this.out = out;
        this.nanoClock = nanoClock;
        this.buffer = newBuffer();
    }

    private GrowableBuffer newBuffer() {
        // Sized like the last payload so a steady stream does not grow (and copy) each buffer several times.
        int hint = lastPayloadLength + (lastPayloadLength >> 3);
        GrowableBuffer b = new GrowableBuffer(buffers.take(Math.min(maxContentSize, Math.max(64 << 10, hint))));
        b.write('[');
        return b;
    }

    /** Adds a processed message, flushing first if it would not fit. */
    public void add(Message message) throws InterruptedException {
        int mark = buffer.length();
        if (count > 0) {
            buffer.write(',');
        }
        int start = buffer.length();
        // A single log never exceeds the content limit: the encoder truncates it to fit an empty batch.
        encoder.encode(message, buffer, maxContentSize - 2);
        if (buffer.length() + 1 > maxContentSize && count > 0) {
            buffer.truncate(mark);
            flush();
            add(message);
            return;
        }
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        starts[count] = start;
        ends[count] = buffer.length();
        count++;
        contentBytes += message.content().length;
        checkpoint(message.origin());
        if (count >= maxSize) {
            flush();
        }
    }

    /** A message dropped by a rule: nothing to send, but its input may advance once earlier logs are delivered. */
    public void skip(Origin origin) throws InterruptedException {
        checkpoint(origin);
    }

    private void checkpoint(Origin origin) {
        if (!pending) {
            pending = true;
            firstAddedNanos = nanoClock.getAsLong();
            lastAddedNanos = firstAddedNanos;
        }
        // Keep only the last origin per input; the map is touched only when the input changes.
        if (lastInput != origin.input() && lastInput != null) {
            checkpoints.put(lastInput, lastOrigin);
        }
        lastInput = origin.input();
        lastOrigin = origin;
    }

    /** Input arrived just now (called once per chunk of messages, not per message, to keep clock reads rare). */
    public void inputArrived() {
        lastAddedNanos = nanoClock.getAsLong();
    }

    /** Nanoseconds until the open batch is due, or Long.MAX_VALUE when nothing is pending. */
    public long nanosUntilDue() {
        if (!pending) {
            return Long.MAX_VALUE;
        }
        long due = Math.min(firstAddedNanos + waitNanos, Math.max(firstAddedNanos, lastAddedNanos) + idleNanos);
        return Math.max(0, due - nanoClock.getAsLong());
    }

    public void flushIfDue() throws InterruptedException {
        if (pending && nanosUntilDue() == 0) {
            flush();
        }
    }

    /** Hands the open batch over, even if small. */
    public void flush() throws InterruptedException {
        if (!pending) {
            return;
        }
        if (lastInput != null) {
            checkpoints.put(lastInput, lastOrigin);
        }
        buffer.write(']');
        List<Origin> origins = new ArrayList<>(checkpoints.values());
        Payload payload = new Payload(sequence++, buffer.array(), buffer.length(), Arrays.copyOf(starts, count),
                Arrays.copyOf(ends, count), count, contentBytes, origins, null, null);
        lastPayloadLength = buffer.length();
        buffer = newBuffer();
        count = 0;
        contentBytes = 0;
        checkpoints.clear();
        lastInput = null;
        lastOrigin = null;
        pending = false;
        out.accept(payload);
    }
}
