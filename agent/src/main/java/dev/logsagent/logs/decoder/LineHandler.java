package dev.logsagent.logs.decoder;

/** Turns lines into messages: one each, or several joined into one (multi-line). */
interface LineHandler extends LineConsumer {
    /** Emits what waits for more lines if its last line came {@code timeoutNanos} or more before {@code now}. */
    void flushIdle(long now, long timeoutNanos) throws InterruptedException;

    /** Emits everything that waits. */
    void flushAll() throws InterruptedException;

    /** Input bytes of the lines that wait. */
    long heldBytes();
}
