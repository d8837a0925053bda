package dev.logsagent.logs.sender;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * Payload bodies handed back once every destination is done with them, so that a steady flow builds its batches in
 * the same few arrays instead of allocating one per payload: large arrays that live while a payload is in flight are
 * what pushed the heap to its maximum and into full collections. Shared by a pipeline's batch strategy (which takes)
 * and its sender (which gives back); thread-safe.
 */
public final class PayloadBuffers {
    /** Arrays larger than this are left to the collector rather than held while idle. */
    static final int MAX_KEPT_BYTES = 1 << 20;

    private final ArrayBlockingQueue<byte[]> free;

    /** @param capacity how many free arrays are kept at most (those in flight plus the one being filled is plenty) */
    public PayloadBuffers(int capacity) {
        this.free = new ArrayBlockingQueue<>(Math.max(1, capacity));
    }

    /** A free array of at least {@code minBytes}, or a new one. */
    public byte[] take(int minBytes) {
        byte[] b = free.poll();
        return b != null && b.length >= minBytes ? b : new byte[minBytes];
    }

    /** Gives an array back; its bytes will be overwritten, so nothing may read it afterwards. */
    public void release(byte[] body) {
        if (body.length <= MAX_KEPT_BYTES) {
            free.offer(body);
        }
    }

    /** Free arrays held now. */
    int size() {
        return free.size();
    }
}
