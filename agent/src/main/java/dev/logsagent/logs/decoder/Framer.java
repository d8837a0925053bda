package dev.logsagent.logs.decoder;

/**
 * Cuts raw input, given in chunks split anywhere, into lines. Lines that lie whole in a chunk are handed on as
 * views of it; only a line split between chunks is copied into the carry. A line longer than the limit is handed
 * on in pieces of at most the limit, cut on a character boundary, so memory never depends on line length.
 */
final class Framer {
    /** Receives each line or piece; the bytes are only valid during the call. */
    @FunctionalInterface
    interface FrameSink {
        /**
         * @param rawLen    input bytes the frame consumed: its content plus its newline, if it has one
         * @param cutBefore the frame continues a line cut at the limit
         * @param cutAfter  the frame was cut at the limit; the line goes on in the next frame
         */
        void frame(byte[] buf, int off, int len, int rawLen, boolean cutBefore, boolean cutAfter)
                throws InterruptedException;
    }

    private final FrameFormat format;
    private final int width;
    private final int limit;
    private final FrameSink sink;
    private final ByteBuilder carry = new ByteBuilder(4096);
    private boolean continuation;

    Framer(FrameFormat format, int maxFrameSize, FrameSink sink) {
        this.format = format;
        this.width = format.newlineWidth();
        this.limit = Math.max(width, maxFrameSize - maxFrameSize % width);
        this.sink = sink;
    }

    void decode(byte[] buf, int off, int len) throws InterruptedException {
        int pos = off;
        int end = off + len;
        while (pos < end) {
            pos = carry.length() == 0 ? frameInPlace(buf, pos, end) : extendCarry(buf, pos, end);
        }
    }

    /** Input ended for good: hands on the carried line, newline or not. */
    void flushAll() throws InterruptedException {
        while (carry.length() > limit) {
            cutCarry();
        }
        if (carry.length() > 0) {
            emitCarry(carry.length(), carry.length());
        }
    }

    /** Bytes of a line that waits for its newline. */
    int carried() {
        return carry.length();
    }

    private int frameInPlace(byte[] buf, int pos, int end) throws InterruptedException {
        while (pos < end) {
            int nl = format.indexOfNewline(buf, pos, scanEnd(pos, end, limit));
            if (nl >= 0) {
                emit(buf, pos, nl - pos, nl - pos + width, false);
                pos = nl + width;
            } else if (end - pos >= limit + width) {
                int cut = format.boundary(buf, pos, limit);
                emit(buf, pos, cut, cut, true);
                pos += cut;
            } else {
                carry.append(buf, pos, end - pos);
                return end;
            }
        }
        return pos;
    }

    private int extendCarry(byte[] buf, int pos, int end) throws InterruptedException {
        int misaligned = carry.length() % width;
        if (misaligned != 0) {
            // A code unit was split between two chunks: complete it first, it may be the newline.
            int n = Math.min(width - misaligned, end - pos);
            carry.append(buf, pos, n);
            pos += n;
            if (carry.length() % width != 0) {
                return pos;
            }
            int lastUnit = carry.length() - width;
            if (format.indexOfNewline(carry.array(), lastUnit, carry.length()) == lastUnit) {
                emitCarry(lastUnit, carry.length());
                return pos;
            }
        }
        if (carry.length() > limit) {
            cutCarry();
            return pos;
        }
        int room = limit - carry.length();
        int nl = format.indexOfNewline(buf, pos, scanEnd(pos, end, room));
        if (nl >= 0) {
            carry.append(buf, pos, nl - pos);
            emitCarry(carry.length(), carry.length() + width);
            return nl + width;
        }
        if (end - pos >= room + width) {
            carry.append(buf, pos, room);
            cutCarry();
            return pos + room;
        }
        carry.append(buf, pos, end - pos);
        return end;
    }

    /** Where to stop looking for a newline: just past the last position that keeps the line within the limit. */
    private int scanEnd(int pos, int end, int room) {
        return (int) Math.min(end, (long) pos + room + width);
    }

    private void emitCarry(int len, int rawLen) throws InterruptedException {
        emit(carry.array(), 0, len, rawLen, false);
        carry.reset();
    }

    private void cutCarry() throws InterruptedException {
        int cut = format.boundary(carry.array(), 0, limit);
        emit(carry.array(), 0, cut, cut, true);
        carry.dropFirst(cut);
    }

    private void emit(byte[] buf, int off, int len, int rawLen, boolean cutAfter) throws InterruptedException {
        boolean cutBefore = continuation;
        continuation = cutAfter;
        sink.frame(buf, off, len, rawLen, cutBefore, cutAfter);
    }
}
