package dev.logsagent.logs.syslog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Cuts one TCP connection's byte stream into syslog messages (RFC 6587), fed with chunks as they arrive. The
 * framing is detected from the first byte: a digit means octet counting ({@code 97 <13>1 ...}), anything else
 * newline framing. A frame or line longer than the maximum is delivered in pieces of at most the maximum, each
 * flagged truncated, so memory stays bounded and no byte is lost. An invalid length prefix switches the rest of
 * the connection to newline framing, the prefix bytes kept as the start of the next line. Not thread-safe: one
 * framer per connection.
 */
public final class SyslogFramer {

    /** 999,999,999 bytes: more digits cannot be a sane frame length, so they mean the stream is not octet-counted. */
    private static final int MAX_LENGTH_DIGITS = 9;
    private static final int INITIAL_BUFFER_SIZE = 1024;
    /** Room for a {@code \r\n} past the maximum. */
    private static final int TERMINATOR_SLACK = 2;
    /** Leaves room for the slack below the JVM's array size limit. */
    private static final int MAX_FRAME_SIZE = Integer.MAX_VALUE - 16;

    private final int maxFrameSize;
    private byte[] buffer;
    private int buffered;
    /** Pieces of the frame being buffered were already delivered. */
    private boolean cut;
    private SyslogFraming framing = SyslogFraming.UNDETECTED;
    /** Octet counting: reading {@code MSG-LEN SP} rather than the frame itself. */
    private boolean readingLength = true;
    private int length;
    private int lengthDigits;
    /** Octet counting: bytes of the current frame still to come. */
    private int remaining;

    /** @param maxFrameSize the largest message delivered whole, in bytes */
    public SyslogFramer(int maxFrameSize) {
        if (maxFrameSize < 1 || maxFrameSize > MAX_FRAME_SIZE) {
            throw new IllegalArgumentException(
                    "maxFrameSize must be between 1 and " + MAX_FRAME_SIZE + ", got " + maxFrameSize);
        }
        this.maxFrameSize = maxFrameSize;
        this.buffer = new byte[Math.min(maxFrameSize, INITIAL_BUFFER_SIZE)];
    }

    /** The framing detected so far on this connection. */
    public SyslogFraming framing() {
        return framing;
    }

    /** Consumes {@code chunk[off, off + len)}, delivering every message it completes to {@code sink}. */
    public void feed(byte[] chunk, int off, int len, FrameSink sink) {
        Objects.checkFromIndexSize(off, len, chunk.length);
        int end = off + len;
        int i = off;
        while (i < end) {
            i = switch (framing) {
                case UNDETECTED -> detect(chunk, i);
                case OCTET_COUNTING -> readingLength
                        ? lengthPrefix(chunk, i, end, sink)
                        : frameBody(chunk, i, end, sink);
                case NON_TRANSPARENT -> line(chunk, i, end, sink);
            };
        }
    }

    /**
     * The connection ended: delivers what is buffered (a last line without newline; a partial octet-counted frame,
     * flagged truncated) and starts over as for a new connection.
     */
    public void finish(FrameSink sink) {
        if (framing == SyslogFraming.OCTET_COUNTING && readingLength) {
            appendLengthDigits(sink);
            emitFrame(sink, false);
        } else {
            emitFrame(sink, framing == SyslogFraming.OCTET_COUNTING);
        }
        framing = SyslogFraming.UNDETECTED;
        readingLength = true;
        remaining = 0;
    }

    private int detect(byte[] chunk, int i) {
        byte c = chunk[i];
        if (c == '\n' || c == '\r') {
            return i + 1;
        }
        framing = SyslogTimestamps.isDigit(c) ? SyslogFraming.OCTET_COUNTING : SyslogFraming.NON_TRANSPARENT;
        return i;
    }

    /** {@code MSG-LEN SP} with MSG-LEN = NONZERO-DIGIT *DIGIT. */
    private int lengthPrefix(byte[] chunk, int i, int end, FrameSink sink) {
        for (; i < end; i++) {
            byte c = chunk[i];
            if (SyslogTimestamps.isDigit(c) && lengthDigits < MAX_LENGTH_DIGITS && (lengthDigits > 0 || c != '0')) {
                length = length * 10 + c - '0';
                lengthDigits++;
            } else if (c == ' ' && lengthDigits > 0) {
                remaining = length;
                length = 0;
                lengthDigits = 0;
                readingLength = false;
                return i + 1;
            } else if (lengthDigits == 0 && (c == '\n' || c == '\r')) {
                // tolerated between frames: some senders end each frame with a newline they did not count
                continue;
            } else {
                framing = SyslogFraming.NON_TRANSPARENT;
                appendLengthDigits(sink);
                return i;
            }
        }
        return end;
    }

    private void appendLengthDigits(FrameSink sink) {
        if (lengthDigits > 0) {
            byte[] digits = Integer.toString(length).getBytes(StandardCharsets.US_ASCII);
            append(digits, 0, digits.length, sink);
            length = 0;
            lengthDigits = 0;
        }
    }

    private int frameBody(byte[] chunk, int i, int end, FrameSink sink) {
        int n = Math.min(remaining, end - i);
        remaining -= n;
        if (remaining == 0 && buffered == 0 && !cut && trimmedLength(chunk, i, n) <= maxFrameSize) {
            emitTrimmed(sink, chunk, i, n, false);
        } else {
            append(chunk, i, n, sink);
            if (remaining == 0) {
                emitFrame(sink, false);
            }
        }
        if (remaining == 0) {
            readingLength = true;
        }
        return i + n;
    }

    private int line(byte[] chunk, int i, int end, FrameSink sink) {
        int newline = i;
        while (newline < end && chunk[newline] != '\n') {
            newline++;
        }
        if (newline == end) {
            append(chunk, i, end - i, sink);
            return end;
        }
        // the \r of a \r\n is not content: leave it out before the size check and the copy
        int contentEnd = newline;
        while (contentEnd > i && chunk[contentEnd - 1] == '\r') {
            contentEnd--;
        }
        if (buffered == 0 && !cut && contentEnd - i <= maxFrameSize) {
            emitTrimmed(sink, chunk, i, contentEnd - i, false);
        } else {
            append(chunk, i, contentEnd - i, sink);
            emitFrame(sink, false);
        }
        return newline + 1;
    }

    /**
     * Buffers bytes of the current frame, delivering the first {@code maxFrameSize} as a truncated piece once a
     * byte beyond them is content. Up to {@link #TERMINATOR_SLACK} {@code \r}/{@code \n} are held past the
     * maximum first, so a frame that fits once its terminator is trimmed is not cut, however the chunks fall.
     */
    private void append(byte[] src, int from, int count, FrameSink sink) {
        while (count > 0) {
            if (buffered >= maxFrameSize) {
                byte c = src[from];
                if (buffered == maxFrameSize + TERMINATOR_SLACK || (c != '\r' && c != '\n')) {
                    deliverPiece(sink);
                    continue;
                }
                ensureCapacity(buffered + 1);
                buffer[buffered++] = c;
                from++;
                count--;
                continue;
            }
            int copied = Math.min(count, maxFrameSize - buffered);
            ensureCapacity(buffered + copied);
            System.arraycopy(src, from, buffer, buffered, copied);
            buffered += copied;
            from += copied;
            count -= copied;
        }
    }

    private void deliverPiece(FrameSink sink) {
        sink.frame(buffer, 0, maxFrameSize, true);
        buffered -= maxFrameSize;
        System.arraycopy(buffer, maxFrameSize, buffer, 0, buffered);
        cut = true;
    }

    private void ensureCapacity(int needed) {
        if (needed > buffer.length) {
            int doubled = Math.min(maxFrameSize + TERMINATOR_SLACK, buffer.length * 2);
            buffer = Arrays.copyOf(buffer, Math.max(needed, doubled));
        }
    }

    private void emitFrame(FrameSink sink, boolean incomplete) {
        emitTrimmed(sink, buffer, 0, buffered, cut || incomplete);
        buffered = 0;
        cut = false;
    }

    private static void emitTrimmed(FrameSink sink, byte[] buf, int off, int len, boolean truncated) {
        int trimmed = trimmedLength(buf, off, len);
        if (trimmed > 0) {
            sink.frame(buf, off, trimmed, truncated);
        }
    }

    /** The length without trailing {@code \r}/{@code \n}. */
    private static int trimmedLength(byte[] buf, int off, int len) {
        while (len > 0 && (buf[off + len - 1] == '\n' || buf[off + len - 1] == '\r')) {
            len--;
        }
        return len;
    }
}
