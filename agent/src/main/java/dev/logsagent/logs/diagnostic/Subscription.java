package dev.logsagent.logs.diagnostic;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One stream-logs reader's bounded backlog of rendered logs. When the reader falls behind, new logs are skipped and
 * counted rather than queued or waited for: the pipeline must never slow down for a diagnostic tool.
 */
public final class Subscription implements AutoCloseable {
    /**
     * What a reader gets from one {@link #next()}.
     *
     * @param skipped logs that matched but were dropped because the backlog was full; they came after {@code lines}
     */
    public record Batch(List<String> lines, long skipped) {
    }

    private final Filter filter;
    private final int capacity;
    private final Consumer<Subscription> onClose;
    private final ArrayDeque<String> lines;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private long skipped;
    private boolean closed;

    Subscription(Filter filter, int capacity, Consumer<Subscription> onClose) {
        if (capacity < 1) {
            throw new IllegalArgumentException("stream-logs capacity must be at least 1, got " + capacity);
        }
        this.filter = filter;
        this.capacity = capacity;
        this.onClose = onClose;
        this.lines = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    public Filter filter() {
        return filter;
    }

    void offer(String line) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (lines.size() >= capacity) {
                skipped++;
            } else {
                lines.addLast(line);
                ready.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits until at least one log is there and takes everything queued; null once the subscription is closed. */
    public Batch next() throws InterruptedException {
        lock.lock();
        try {
            while (lines.isEmpty() && !closed) {
                ready.await();
            }
            if (closed) {
                return null;
            }
            Batch batch = new Batch(List.copyOf(lines), skipped);
            lines.clear();
            skipped = 0;
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /** Stops delivery and wakes a reader waiting in {@link #next()}; safe to call more than once. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            lines.clear();
            ready.signalAll();
        } finally {
            lock.unlock();
        }
        onClose.accept(this);
    }
}
