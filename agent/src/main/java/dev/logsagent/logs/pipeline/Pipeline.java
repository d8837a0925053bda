package dev.logsagent.logs.pipeline;

import dev.logsagent.logs.diagnostic.StreamLogsBroker;
import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.message.MessageSink;
import dev.logsagent.logs.processor.Processor;
import dev.logsagent.logs.sender.BatchStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One lane of the logs flow: a bounded input queue, then on a single platform thread the processor (rules), the
 * stream-logs tap and the batch strategy, which hands payloads to the sender. Inputs pinned to one pipeline keep
 * their order end to end. The queue is bounded in messages and in bytes, so memory does not depend on message
 * size or on how long a destination is down.
 */
public final class Pipeline implements MessageSink {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final String name;
    private final ArrayBlockingQueue<Message> queue;
    private final Semaphore bytes;
    private final int maxBytes;
    private final Processor processor;
    private final BatchStrategy batch;
    private final StreamLogsBroker tap;
    private final Thread thread;
    private volatile boolean draining;

    public Pipeline(String name, int capacity, int maxBytes, Processor processor, BatchStrategy batch,
                    StreamLogsBroker tap) {
        this.name = name;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBytes = maxBytes;
        this.bytes = new Semaphore(maxBytes);
        this.processor = processor;
        this.batch = batch;
        this.tap = tap;
        this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::run);
    }

    public String name() {
        return name;
    }

    public void start() {
        thread.start();
    }

    @Override
    public void accept(Message message) throws InterruptedException {
        bytes.acquire(weight(message));
        queue.put(message);
    }

    private int weight(Message message) {
        // A message larger than the whole budget still passes, alone.
        return Math.min(message.content().length + 64, maxBytes);
    }

    private void run() {
        try {
            while (true) {
                long wait = batch.nanosUntilDue();
                Message m = wait == Long.MAX_VALUE
                        ? (draining ? queue.poll() : queue.poll(100, TimeUnit.MILLISECONDS))
                        : queue.poll(wait, TimeUnit.NANOSECONDS);
                if (m != null) {
                    bytes.release(weight(m));
                    handle(m);
                } else if (draining && queue.isEmpty()) {
                    batch.flush();
                    return;
                }
                batch.flushIfDue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("pipeline {} failed", name, e);
        }
    }

    private void handle(Message m) throws InterruptedException {
        if (processor.process(m)) {
            if (tap.hasSubscribers()) {
                tap.publish(m.origin().source(), m);
            }
            batch.add(m);
        } else {
            batch.skip(m.origin());
        }
    }

    /** Processes what is queued, flushes the last batch and ends the thread; waits at most until the deadline. */
    public boolean drain(long deadlineNanos) throws InterruptedException {
        draining = true;
        long left = deadlineNanos - System.nanoTime();
        if (left > 0) {
            thread.join(java.time.Duration.ofNanos(left));
        }
        return !thread.isAlive();
    }

    /** Stops at once, leaving queued messages unprocessed (they are read again after a restart). */
    public void abort() {
        thread.interrupt();
    }

    public int queued() {
        return queue.size();
    }
}
