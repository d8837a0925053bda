package dev.logsagent.logs.message;

/** Takes messages one by one; may block when the next stage is full (back-pressure). */
@FunctionalInterface
public interface MessageSink {
    void accept(Message message) throws InterruptedException;
}
