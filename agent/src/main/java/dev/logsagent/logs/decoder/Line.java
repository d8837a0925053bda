package dev.logsagent.logs.decoder;

import dev.logsagent.logs.message.Message;

/**
 * One line on its way from the framer to a handler: a view on UTF-8 content plus what is known about it. The
 * stages reuse one instance per decoder (no allocation per line), so a stage that keeps content must copy it
 * before it returns.
 */
final class Line {
    byte[] buf;
    int off;
    int len;
    /** Input bytes this line stands for: its own, its newline, and the blank lines skipped just before it. */
    int rawLen;
    /** Input position just after this line's raw bytes. */
    long endOffset;
    /** This line continues one cut at the size limit. */
    boolean cutBefore;
    /** This line was cut at the size limit; its rest follows. */
    boolean cutAfter;
    String status = Message.STATUS_INFO;
    /** Epoch milliseconds, 0 when the line carries none. */
    long timestamp;
    /** {@code nanoClock} reading when the line's input arrived. */
    long receivedNanos;

    void setContent(byte[] content, int offset, int length) {
        buf = content;
        off = offset;
        len = length;
    }

    /** Input position where this line's raw bytes begin. */
    long startOffset() {
        return endOffset - rawLen;
    }

    boolean truncated() {
        return cutBefore || cutAfter;
    }

    void trimTrailing() {
        while (len > 0 && ByteScan.isSpace(buf[off + len - 1])) {
            len--;
        }
    }

    void trimLeading() {
        while (len > 0 && ByteScan.isSpace(buf[off])) {
            off++;
            len--;
        }
    }
}
