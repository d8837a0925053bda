package dev.logsagent.logs.decoder;

import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.message.MessageSink;
import dev.logsagent.logs.message.Origin;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.telemetry.LogsMetrics;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.LongSupplier;

/** The decoder's end: builds each {@link Message}, hands it to the sink and counts it. */
final class MessageEmitter {
    /** Marks where a line was cut, at the end of one piece and the start of the next (as the Datadog Agent). */
    static final byte[] TRUNCATED = "...TRUNCATED...".getBytes(StandardCharsets.US_ASCII);

    private final LogSource source;
    private final InputIdentity input;
    private final List<String> tags;
    private final MessageSink out;
    private final LogsMetrics metrics;
    private final LongSupplier heldSince;
    private long decoded;
    private long truncated;

    /** @param heldSince input position of the oldest line an earlier stage still holds; no offset may pass it */
    MessageEmitter(LogSource source, InputIdentity input, List<String> tags, MessageSink out, LogsMetrics metrics,
                   LongSupplier heldSince) {
        this.source = source;
        this.input = input;
        this.tags = tags;
        this.out = out;
        this.metrics = metrics;
        this.heldSince = heldSince;
    }

    /** Emits one line as a message of its own: trimmed, with the markers its cuts call for. */
    void emitLine(Line line) throws InterruptedException {
        line.trimLeading();
        int head = line.cutBefore ? TRUNCATED.length : 0;
        int tail = line.cutAfter ? TRUNCATED.length : 0;
        byte[] content = new byte[head + line.len + tail];
        if (head > 0) {
            System.arraycopy(TRUNCATED, 0, content, 0, head);
        }
        System.arraycopy(line.buf, line.off, content, head, line.len);
        if (tail > 0) {
            System.arraycopy(TRUNCATED, 0, content, head + line.len, tail);
        }
        emit(content, line.endOffset, line.rawLen, line.status, line.timestamp, line.truncated());
    }

    /** @param endOffset input position just after the last raw byte the message contains */
    void emit(byte[] content, long endOffset, int rawSize, String status, long timestamp, boolean wasCut)
            throws InterruptedException {
        Message message = new Message(content, new Origin(source, input, Math.min(endOffset,
                heldSince.getAsLong())), rawSize);
        message.setStatus(status);
        message.setTimestamp(timestamp);
        message.setTags(tags);
        message.setTruncated(wasCut);
        decoded++;
        if (wasCut) {
            truncated++;
        }
        out.accept(message);
    }

    /** Adds the counts since the last call to the metrics: once per call of the decoder, not per message. */
    void publishCounts() {
        if (decoded > 0) {
            metrics.logsDecoded.inc(decoded);
            decoded = 0;
        }
        if (truncated > 0) {
            metrics.logsTruncated.inc(truncated);
            truncated = 0;
        }
    }
}
