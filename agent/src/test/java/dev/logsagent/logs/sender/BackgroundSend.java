package dev.logsagent.logs.sender;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** A send on a virtual thread of its own, for tests that watch a destination while it retries or waits. */
final class BackgroundSend {
    private final AtomicReference<Object> outcome = new AtomicReference<>();
    private final Thread thread;

    private BackgroundSend(Destination destination, Payload payload) {
        thread = Thread.ofVirtual().start(() -> {
            try {
                outcome.set(destination.send(payload));
            } catch (InterruptedException e) {
                outcome.set(e);
            }
        });
    }

    static BackgroundSend start(Destination destination, Payload payload) {
        return new BackgroundSend(destination, payload);
    }

    /** The send's result, or the {@link InterruptedException} that ended it; null while it goes on. */
    Object outcome() {
        return outcome.get();
    }

    void interrupt() {
        thread.interrupt();
    }

    void join(Duration timeout) throws InterruptedException {
        thread.join(timeout);
    }
}
