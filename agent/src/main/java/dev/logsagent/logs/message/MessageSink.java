package dev.logsagent.logs.message;

import java.util.List;

/** Takes messages; may block when the next stage is full (back-pressure). */
@FunctionalInterface
public interface MessageSink {
    void accept(Message message) throws InterruptedException;

    /**
     * Takes several messages at once, in order; the sink may keep the list. Inputs that read in chunks hand over a
     * chunk's messages this way, so the hand-off costs once per chunk, not once per line.
     */
    default void acceptAll(List<Message> messages) throws InterruptedException {
        for (Message m : messages) {
            accept(m);
        }
    }
}
