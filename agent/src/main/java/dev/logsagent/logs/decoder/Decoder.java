package dev.logsagent.logs.decoder;

import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.message.MessageSink;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.telemetry.LogsMetrics;

import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Cuts the raw bytes of one input into {@link Message}s: framing per encoding, UTF-8 output, container line
 * parsing, multi-line joining, truncation of long lines. One decoder per input, used by one thread.
 *
 * <p>Every message's offset is {@code startOffset} plus the input bytes consumed up to the end of the last line it
 * contains (of the piece, for a line cut at the limit), so storing it once the message is delivered never skips
 * nor repeats a line. Container logs lean to re-reading rather than losing: while a partial of one stream waits,
 * messages of the other stream carry the waiting piece's start, and the parts of one record cut at the limit carry
 * the record's start, since a record cannot be re-read from its middle.
 *
 * <p>The stages, in order: {@link Framer} (lines and pieces) → {@link Transcoder} (UTF-8) → container parser and
 * {@link PartialJoiner} → {@link BlankLineSkipper} → {@link LineHandler} (single or multi-line) →
 * {@link MessageEmitter}. After an {@link InterruptedException} the decoder is in an unknown state and must be
 * dropped; its input is re-read from the last delivered offset.
 */
public final class Decoder {
    /**
     * How much longer than the message limit a container record line may be before the framer cuts it: the
     * record's envelope and JSON escapes (up to 6 bytes a character over docker's 16 KiB pieces) are not content.
     * The unwrapped log is then held to the limit itself.
     */
    static final int CONTAINER_RECORD_ALLOWANCE = 128 * 1024;

    private final Framer framer;
    private final Transcoder transcoder;
    private final LineConsumer parser;
    private final PartialJoiner joiner;
    private final LineHandler handler;
    private final MessageEmitter emitter;
    private final LongSupplier nanoClock;
    private final long timeoutNanos;
    private final Line line = new Line();
    private long consumed;
    private boolean atInputStart;

    /**
     * @param input       the input generation, set on every message's origin
     * @param startOffset input position of the first byte that will be given to {@link #decode}
     * @param tags        set on every message as is (shared, not copied)
     * @param nanoClock   time source for the aggregation timeout ({@code System::nanoTime} outside tests)
     */
    public Decoder(DecoderOptions options, LogSource source, InputIdentity input, long startOffset, List<String> tags,
                   MessageSink out, LogsMetrics metrics, LongSupplier nanoClock) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(metrics, "metrics");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.timeoutNanos = options.aggregationTimeout().toNanos();
        this.consumed = startOffset;
        this.atInputStart = startOffset == 0;
        int limit = options.maxMessageSize();
        this.emitter = new MessageEmitter(source, input, tags == null ? List.of() : tags, out, metrics,
                this::heldSince);
        this.handler = handlerFor(options, emitter);
        LineConsumer skipper = new BlankLineSkipper(handler);
        this.joiner = new PartialJoiner(skipper, limit);
        this.parser = switch (options.parser()) {
            case RAW -> skipper;
            case DOCKER_JSON -> new DockerJsonParser(joiner, skipper);
            case CRI -> new CriParser(joiner, skipper);
        };
        this.transcoder = Transcoder.of(options.encoding());
        int frameLimit = options.parser() == LineParserKind.RAW ? limit : limit + CONTAINER_RECORD_ALLOWANCE;
        this.framer = new Framer(FrameFormat.of(options.encoding()), frameLimit, this::onFrame);
    }

    private static LineHandler handlerFor(DecoderOptions options, MessageEmitter emitter) {
        if (options.multiLinePattern() != null) {
            return new MultiLineHandler(new PatternClassifier(options.multiLinePattern()), emitter,
                    options.maxMessageSize());
        }
        if (options.autoMultiLine()) {
            return new MultiLineHandler(new AutoMultiLineClassifier(), emitter, options.maxMessageSize());
        }
        return new SingleLineHandler(emitter);
    }

    /** Decodes the next raw input bytes, split anywhere; a line without its newline yet waits for the next call. */
    public void decode(byte[] buf, int off, int len) throws InterruptedException {
        Objects.checkFromIndexSize(off, len, buf.length);
        line.receivedNanos = nanoClock.getAsLong();
        try {
            framer.decode(buf, off, len);
        } finally {
            emitter.publishCounts();
        }
    }

    /** Emits a multi-line message or container partial that has waited {@code aggregationTimeout} for a line. */
    public void flushIfIdle() throws InterruptedException {
        long now = nanoClock.getAsLong();
        try {
            joiner.flushIdle(now, timeoutNanos);
            handler.flushIdle(now, timeoutNanos);
        } finally {
            emitter.publishCounts();
        }
    }

    /** The input ended for good (file rotated away or deleted): emits everything, a last line without newline too. */
    public void flushAll() throws InterruptedException {
        line.receivedNanos = nanoClock.getAsLong();
        try {
            framer.flushAll();
            joiner.flushAll();
            handler.flushAll();
        } finally {
            emitter.publishCounts();
        }
    }

    /** Input bytes held back: a line waiting for its newline, pieces and lines waiting to be joined. */
    public long pendingBytes() {
        return framer.carried() + joiner.heldBytes() + handler.heldBytes();
    }

    /** Read by the emitter at each message, once every stage exists. */
    private long heldSince() {
        return joiner.heldSince();
    }

    private void onFrame(byte[] buf, int off, int len, int rawLen, boolean cutBefore, boolean cutAfter)
            throws InterruptedException {
        consumed += rawLen;
        transcoder.toUtf8(buf, off, len, line);
        if (atInputStart) {
            atInputStart = false;
            skipByteOrderMark();
        }
        line.rawLen = rawLen;
        line.endOffset = consumed;
        line.cutBefore = cutBefore;
        line.cutAfter = cutAfter;
        line.status = Message.STATUS_INFO;
        line.timestamp = 0;
        parser.accept(line);
    }

    private void skipByteOrderMark() {
        byte[] bom = Utf8.BOM;
        if (line.len >= bom.length && line.buf[line.off] == bom[0] && line.buf[line.off + 1] == bom[1]
                && line.buf[line.off + 2] == bom[2]) {
            line.off += bom.length;
            line.len -= bom.length;
        }
    }
}
