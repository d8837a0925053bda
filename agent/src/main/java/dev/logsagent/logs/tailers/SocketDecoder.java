package dev.logsagent.logs.tailers;

/**
 * Turns the bytes of one socket input (a TCP connection, or a UDP peer one datagram at a time) into messages for
 * its sink. Used by one thread. Each method may block while the sink is full (back-pressure); after an
 * {@link InterruptedException} the decoder must be dropped.
 */
public interface SocketDecoder {
    /** Decodes the next bytes received, split anywhere (TCP) or exactly one datagram (UDP). */
    void decode(byte[] buf, int off, int len) throws InterruptedException;

    /** Emits what has waited for its next line longer than the aggregation timeout (multi-line groups). */
    void flushIfIdle() throws InterruptedException;

    /** The input ended (connection closed, datagram done): emits everything held, a last unterminated line too. */
    void finish() throws InterruptedException;
}
