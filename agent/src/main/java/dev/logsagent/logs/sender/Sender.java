package dev.logsagent.logs.sender;

import dev.logsagent.serializer.Compression;
import dev.logsagent.telemetry.LogsMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends one pipeline's payloads to every destination: at most {@code batch_max_concurrent_send} in flight, each
 * settled once all reliable destinations delivered or refused it, then its checkpoints are committed in order.
 * When all slots are busy {@link #accept} blocks, which stops the processor and, through the queues, the tailers.
 * A payload for compressing intakes is compressed once, on a virtual thread of its own, as soon as it is accepted;
 * once settled, its array goes back to the pipeline's {@link PayloadBuffers} for the next batch.
 */
public final class Sender implements BatchStrategy.PayloadSink {
    private final List<Destination> reliable;
    private final List<UnreliableDestination> unreliable;
    private final int concurrency;
    private final Semaphore slots;
    private final PayloadTracker tracker;
    private final LogsMetrics metrics;
    /** How the intakes compress payloads: each payload is compressed once, as soon as it is accepted. */
    private final Compression compression;
    private final ExecutorService compressor =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("compress-", 0).factory());
    /** Where sent payloads' arrays go back; null when a best-effort destination may still be reading them. */
    private final PayloadBuffers recycled;
    /** Payloads handed to the workers; taken at once by a free worker (a slot was acquired for each). */
    private final BlockingQueue<Payload> toSend = new LinkedBlockingQueue<>();
    private final List<Thread> workers = new ArrayList<>();

    public Sender(List<Destination> reliable, List<UnreliableDestination> unreliable, int concurrency,
                  OffsetCommitter committer, LogsMetrics metrics, PayloadBuffers buffers, Compression compression) {
        this.reliable = List.copyOf(reliable);
        this.unreliable = List.copyOf(unreliable);
        this.concurrency = Math.max(1, concurrency);
        this.slots = new Semaphore(this.concurrency);
        this.tracker = new PayloadTracker(committer);
        this.metrics = metrics;
        // Best-effort destinations queue payloads and send them later, on their own: their arrays are not reused.
        this.recycled = this.unreliable.isEmpty() ? buffers : null;
        this.compression = compression;
        // Long-lived workers rather than a thread per payload: sockets' per-thread buffers are reused.
        for (int i = 0; i < this.concurrency; i++) {
            workers.add(Thread.ofVirtual().name("sender-" + i).start(this::work));
        }
    }

    private void work() {
        try {
            while (true) {
                sendToAll(toSend.take());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void accept(Payload accepted) throws InterruptedException {
        if (accepted.isEmpty()) {
            tracker.settle(accepted);
            return;
        }
        // Started before waiting for a slot, so the payload is compressed while the one before it is sent.
        Payload payload = compression.contentEncoding() == null
                ? accepted : accepted.compressing(compression, compressor);
        for (UnreliableDestination d : unreliable) {
            d.offer(payload);
        }
        slots.acquire();
        toSend.add(payload);
    }

    private void sendToAll(Payload payload) throws InterruptedException {
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
            if (recycled != null) {
                payload.awaitCompressed();
                recycled.release(payload.body());
            }
        } finally {
            // Interrupted past the grace period: the payload stays unacknowledged and is read again after restart.
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

    /** Gives up on what is still in flight (after the grace period) and ends the workers. */
    public void abort() {
        workers.forEach(Thread::interrupt);
        compressor.shutdownNow();
    }
}
