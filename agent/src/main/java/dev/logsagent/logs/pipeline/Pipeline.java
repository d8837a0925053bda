package dev.logsagent.logs.pipeline;

import dev.logsagent.logs.diagnostic.StreamLogsBroker;
import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.message.MessageSink;
import dev.logsagent.logs.processor.Processor;
import dev.logsagent.logs.sender.BatchStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One lane of the logs flow: a bounded input queue of message chunks, then on a single platform thread the processor (rules), the
 * stream-logs tap and the batch strategy, which hands payloads to the sender. Inputs pinned to one pipeline keep
 * their order end to end. The queue is bounded in messages and in bytes, so memory does not depend on message
 * size or on how long a destination is down.
 */
public final class Pipeline implements MessageSink {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final String name;
    private final ArrayBlockingQueue<List<Message>> queue;
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
        acceptAll(List.of(message));
    }

    @Override
    public void acceptAll(List<Message> messages) throws InterruptedException {
        if (messages.isEmpty()) {
            return;
        }
        bytes.acquire(weight(messages));
        queue.put(messages);
    }

    private int weight(List<Message> messages) {
        long w = 0;
        for (Message m : messages) {
            w += m.content().length + 64;
        }
        // A chunk larger than the whole budget still passes, alone.
        return (int) Math.min(w, maxBytes);
    }

    private void run() {
        try {
            while (true) {
                long wait = batch.nanosUntilDue();
                List<Message> chunk = wait == Long.MAX_VALUE
                        ? (draining ? queue.poll() : queue.poll(100, TimeUnit.MILLISECONDS))
                        : queue.poll(wait, TimeUnit.NANOSECONDS);
                if (chunk != null) {
                    bytes.release(weight(chunk));
                    for (Message m : chunk) {
                        handle(m);
                    }
                    batch.inputArrived();
                } else if (draining && queue.isEmpty()) {
                    batch.flush();
                    return;
                }
                batch.flushIfDue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(Message m) throws InterruptedException {
        try {
            process(m);
        } catch (RuntimeException e) {
            // A bug must not stall every input of the pipeline: say loudly which log hit it and go on.
            LOG.error("pipeline {} could not process a log of {} at offset {}; it is skipped", name,
                    m.origin().identifier(), m.origin().offset(), e);
            batch.skip(m.origin());
        }
    }

    private void process(Message m) throws InterruptedException {
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

}
