package dev.logsagent.logs.sender;

import dev.logsagent.telemetry.LogsMetrics;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends one pipeline's payloads to every destination: at most {@code batch_max_concurrent_send} in flight, each
 * settled once all reliable destinations delivered or refused it, then its checkpoints are committed in order.
 * When all slots are busy {@link #accept} blocks, which stops the processor and, through the queues, the tailers.
 */
public final class Sender implements BatchStrategy.PayloadSink {
    private final List<Destination> reliable;
    private final List<UnreliableDestination> unreliable;
    private final int concurrency;
    private final Semaphore slots;
    private final PayloadTracker tracker;
    private final LogsMetrics metrics;
    private final Set<Thread> inFlight = ConcurrentHashMap.newKeySet();

    public Sender(List<Destination> reliable, List<UnreliableDestination> unreliable, int concurrency,
                  OffsetCommitter committer, LogsMetrics metrics) {
        this.reliable = List.copyOf(reliable);
        this.unreliable = List.copyOf(unreliable);
        this.concurrency = Math.max(1, concurrency);
        this.slots = new Semaphore(this.concurrency);
        this.tracker = new PayloadTracker(committer);
        this.metrics = metrics;
    }

    @Override
    public void accept(Payload payload) throws InterruptedException {
        if (payload.isEmpty()) {
            tracker.settle(payload);
            return;
        }
        for (UnreliableDestination d : unreliable) {
            d.offer(payload);
        }
        slots.acquire();
        try {
            Thread.ofVirtual().name("sender-", payload.sequence()).start(() -> sendToAll(payload));
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
    }

    private void sendToAll(Payload payload) {
        Thread self = Thread.currentThread();
        inFlight.add(self);
        long started = System.nanoTime();
        try {
            boolean dropped = false;
            for (Destination d : reliable) {
                dropped |= d.send(payload) == DeliveryResult.DROPPED;
            }
            if (dropped) {
                metrics.logsDropped.inc(payload.count());
            } else {
                metrics.logsSent.inc(payload.count());
                metrics.bytesSent.inc(payload.contentBytes());
                metrics.senderLatency.observe((System.nanoTime() - started) / 1e9);
            }
            tracker.settle(payload);
        } catch (InterruptedException e) {
            // Stopping past the grace period: the payload stays unacknowledged and is read again after restart.
            Thread.currentThread().interrupt();
        } finally {
            inFlight.remove(self);
            slots.release();
        }
    }

    /** Waits until no payload is in flight, up to the deadline; true when everything was settled. */
    public boolean awaitIdle(long deadlineNanos) throws InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0 || !slots.tryAcquire(concurrency, left, TimeUnit.NANOSECONDS)) {
            return false;
        }
        slots.release(concurrency);
        return true;
    }

    /** Gives up on what is still in flight (after the grace period). */
    public void abort() {
        inFlight.forEach(Thread::interrupt);
    }
}
