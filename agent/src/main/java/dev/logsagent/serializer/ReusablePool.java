package dev.logsagent.serializer;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps up to a few idle instances of something costly to create (native compression state) for whichever thread
 * needs one next; instances beyond that are disposed of on release, so memory stays bounded however many threads
 * (virtual ones included) come and go.
 */
final class ReusablePool<T> {
    private final ArrayBlockingQueue<T> idle;
    private final Supplier<T> create;
    private final Consumer<T> dispose;

    ReusablePool(int maxIdle, Supplier<T> create, Consumer<T> dispose) {
        this.idle = new ArrayBlockingQueue<>(maxIdle);
        this.create = create;
        this.dispose = dispose;
    }

    /** A size that covers the compute threads of every pipeline. */
    static int defaultMaxIdle() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    T borrow() {
        T instance = idle.poll();
        return instance != null ? instance : create.get();
    }

    void release(T instance) {
        if (!idle.offer(instance)) {
            dispose.accept(instance);
        }
    }

    /** Disposes of every idle instance, for when the pool's owner is gone. */
    void disposeIdle() {
        for (T instance = idle.poll(); instance != null; instance = idle.poll()) {
            dispose.accept(instance);
        }
    }
}
