package dev.logsagent.logs.sender;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Best-effort delivery to a destination that offsets never wait for ({@code is_reliable: false}): payloads are
 * queued without blocking and dropped when the queue is full, so a slow or dead endpoint never holds back the
 * others.
 */
public final class UnreliableDestination implements Destination {
    private static final Logger LOG = LoggerFactory.getLogger(UnreliableDestination.class);

    private final Destination delegate;
    private final BlockingQueue<Payload> queue;
    private final AtomicLong discarded = new AtomicLong();
    private final Thread worker;

    public UnreliableDestination(Destination delegate, int capacity) {
        this.delegate = delegate;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.worker = Thread.ofVirtual().name("unreliable-" + delegate.name()).start(this::drain);
    }

    /** Queues the payload, or drops it for this destination alone when the queue is full. */
    public void offer(Payload payload) {
        if (!queue.offer(payload) && discarded.getAndIncrement() % 100 == 0) {
            LOG.warn("unreliable destination {} is behind: dropped {} payloads so far", delegate.name(),
                    discarded.get());
        }
    }

    private void drain() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                delegate.send(queue.take());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public DeliveryResult send(Payload payload) {
        offer(payload);
        return DeliveryResult.DELIVERED;
    }

    @Override
    public DestinationStatus status() {
        DestinationStatus s = delegate.status();
        return new DestinationStatus(s.name(), s.state() + (discarded.get() > 0 ? ", " + discarded.get()
                + " payloads discarded" : ""), false, s.payloadsSent(), s.payloadsDropped() + discarded.get(),
                s.retries());
    }

    @Override
    public void close() {
        worker.interrupt();
        delegate.close();
    }
}
