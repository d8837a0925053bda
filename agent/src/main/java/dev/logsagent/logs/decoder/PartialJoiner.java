package dev.logsagent.logs.decoder;

/**
 * Joins the pieces of a container log line that the runtime split (docker at 16 KiB, CRI {@code P} records), per
 * stream, so stdout and stderr pieces never mix. A joined line is cut at the size limit like any other line;
 * so is a single record's log, whose record line may be longer than the limit (see {@link Decoder}).
 *
 * <p>While a piece waits, lines of the other stream may pass it; {@link #heldSince()} tells the decoder not to
 * report an offset past the waiting piece, so a restart re-reads it rather than losing it.
 */
final class PartialJoiner {
    static final int STDOUT = 0;
    static final int STDERR = 1;

    private final LineConsumer next;
    private final int limit;
    private final Pending[] pending = {new Pending(), new Pending()};
    private final Line out = new Line();

    PartialJoiner(LineConsumer next, int limit) {
        this.next = next;
        this.limit = limit;
    }

    /** Takes one parsed piece of {@code stream}; {@code partial} when the runtime says the line goes on. */
    void accept(Line line, int stream, boolean partial) throws InterruptedException {
        Pending p = pending[stream];
        if (!p.active) {
            if (!partial && line.len <= limit) {
                next.accept(line);
                return;
            }
            p.begin(line, false);
        }
        int off = line.off;
        int len = line.len;
        while (p.content.length() + len > limit) {
            int room = limit - p.content.length();
            int take = room == 0 ? 0 : Utf8.boundary(line.buf, off, room);
            p.content.append(line.buf, off, take);
            off += take;
            len -= take;
            release(p, true);
            p.begin(line, true);
        }
        p.content.append(line.buf, off, len);
        p.finish(line);
        if (!partial) {
            release(p, false);
        }
    }

    /** Hands on, oldest first, every joined line whose last piece came {@code timeoutNanos} or more ago. */
    void flushIdle(long now, long timeoutNanos) throws InterruptedException {
        Pending first = oldest();
        if (first == null) {
            return;
        }
        Pending second = first == pending[STDOUT] ? pending[STDERR] : pending[STDOUT];
        if (now - first.lastNanos >= timeoutNanos) {
            release(first, false);
        }
        if (second.active && now - second.lastNanos >= timeoutNanos) {
            release(second, false);
        }
    }

    void flushAll() throws InterruptedException {
        Pending p;
        while ((p = oldest()) != null) {
            release(p, false);
        }
    }

    /** Input position of the oldest waiting piece, or {@link Long#MAX_VALUE}. */
    long heldSince() {
        Pending p = oldest();
        return p == null ? Long.MAX_VALUE : p.startOffset;
    }

    long heldBytes() {
        return (long) pending[STDOUT].rawLen + pending[STDERR].rawLen;
    }

    private Pending oldest() {
        Pending a = pending[STDOUT];
        Pending b = pending[STDERR];
        if (!a.active) {
            return b.active ? b : null;
        }
        return !b.active || a.startOffset <= b.startOffset ? a : b;
    }

    private void release(Pending p, boolean cutAfter) throws InterruptedException {
        out.setContent(p.content.array(), 0, p.content.length());
        out.rawLen = p.rawLen;
        out.endOffset = p.endOffset;
        out.cutBefore = p.cutBefore;
        out.cutAfter = cutAfter;
        out.status = p.status;
        out.timestamp = p.timestamp;
        out.receivedNanos = p.lastNanos;
        p.active = false;
        p.rawLen = 0;
        next.accept(out);
        p.content.reset();
    }

    /** The pieces of one stream received so far. */
    private static final class Pending {
        final ByteBuilder content = new ByteBuilder(1024);
        boolean active;
        boolean cutBefore;
        int rawLen;
        long startOffset;
        long endOffset;
        long lastNanos;
        String status;
        long timestamp;

        /**
         * Starts with {@code first}, whose bytes are then added. Until a record is whole, the offset stays at its
         * start: a runtime record cannot be re-read from its middle.
         */
        void begin(Line first, boolean continuesCutLine) {
            active = true;
            cutBefore = continuesCutLine;
            startOffset = first.startOffset();
            endOffset = startOffset;
            rawLen = 0;
            lastNanos = first.receivedNanos;
            status = first.status;
            timestamp = first.timestamp;
        }

        /** The record {@code piece} has been added whole. */
        void finish(Line piece) {
            rawLen += piece.rawLen;
            endOffset = piece.endOffset;
            lastNanos = piece.receivedNanos;
        }
    }
}
