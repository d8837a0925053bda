package dev.logsagent.logs.tailers;

import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.message.Origin;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.logs.syslog.StructuredDataElement;
import dev.logsagent.logs.syslog.SyslogFormat;
import dev.logsagent.logs.syslog.SyslogMessage;
import dev.logsagent.logs.syslog.SyslogParser;
import dev.logsagent.telemetry.LogsMetrics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one syslog frame of one input into messages: the MSG body as content, the status from the severity, the
 * message's own timestamp, its HOSTNAME as the log's host and its APP-NAME as the log's service (unless the source
 * names a service), and APP-NAME, PROCID, MSGID and every SD-PARAM as tags ({@code syslog.appname:cron},
 * {@code syslog.sd.<SD-ID>.<PARAM-NAME>:value}). A frame neither grammar reads is passed on whole as a plain line.
 * A body longer than {@code max_message_size_bytes} is cut into pieces marked {@code ...TRUNCATED...}, each with
 * the frame's fields. Not thread-safe: one builder per input.
 */
final class SyslogMessageBuilder {
    private static final byte[] TRUNCATED = "...TRUNCATED...".getBytes(StandardCharsets.US_ASCII);

    private final LogSource source;
    private final InputIdentity input;
    private final List<String> inputTags;
    private final SyslogParser parser;
    private final int maxMessageSize;
    private final LogsMetrics metrics;
    private final boolean sourceNamesService;
    /** The fields behind {@link #lastTags}: a sender's consecutive messages share one tag list (encoder cache). */
    private TagFields lastFields;
    private List<String> lastTags;
    private long consumed;
    private long decoded;
    private long truncated;

    private record TagFields(String appName, String procId, String msgId, List<StructuredDataElement> data) {
    }

    /** @param inputTags the input's own tags ({@code source_host:}), put first on every message */
    SyslogMessageBuilder(LogSource source, InputIdentity input, List<String> inputTags, SyslogParser parser,
                         int maxMessageSize, LogsMetrics metrics) {
        this.source = source;
        this.input = input;
        this.inputTags = inputTags;
        this.parser = parser;
        this.maxMessageSize = maxMessageSize;
        this.metrics = metrics;
        String service = source.config().service();
        this.sourceNamesService = service != null && !service.isBlank();
    }

    /**
     * Adds the messages of {@code buf[off, off + len)} to {@code out}.
     *
     * @param cut the frame is a piece of a longer one (the framer's maximum): every message of it is marked
     */
    void build(byte[] buf, int off, int len, boolean cut, List<Message> out) {
        consumed += len;
        SyslogMessage syslog = parser.parse(buf, off, len);
        byte[] body = syslog.message().getBytes(StandardCharsets.UTF_8);
        List<String> tags = tags(syslog);
        if (body.length <= maxMessageSize) {
            out.add(message(syslog, tags, cut ? withMarkers(body, 0, body.length, false, true) : body, len, cut));
            return;
        }
        int start = 0;
        while (start < body.length) {
            int end = pieceEnd(body, start);
            boolean last = end == body.length;
            byte[] content = withMarkers(body, start, end, start > 0, !last || cut);
            out.add(message(syslog, tags, content, end - start, true));
            start = end;
        }
    }

    /** Adds the counts since the last call to the metrics: once per chunk read, not per message. */
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

    private Message message(SyslogMessage syslog, List<String> tags, byte[] content, int rawSize, boolean wasCut) {
        Message m = new Message(content, new Origin(source, input, consumed), rawSize);
        m.setStatus(syslog.status());
        m.setTimestamp(syslog.timestamp());
        m.setTags(tags);
        m.setTruncated(wasCut);
        if (syslog.format() != SyslogFormat.UNPARSED) {
            if (!sourceNamesService && syslog.appName() != null) {
                m.setService(syslog.appName());
            }
            m.setHostname(syslog.hostname());
        }
        decoded++;
        if (wasCut) {
            truncated++;
        }
        return m;
    }

    private List<String> tags(SyslogMessage syslog) {
        if (syslog.format() == SyslogFormat.UNPARSED) {
            return inputTags;
        }
        TagFields fields = new TagFields(syslog.appName(), syslog.procId(), syslog.msgId(), syslog.structuredData());
        if (fields.equals(lastFields)) {
            return lastTags;
        }
        List<String> tags = new ArrayList<>(inputTags);
        addTag(tags, "syslog.appname", fields.appName());
        addTag(tags, "syslog.procid", fields.procId());
        addTag(tags, "syslog.msgid", fields.msgId());
        for (StructuredDataElement element : fields.data()) {
            String prefix = "syslog.sd." + element.id() + ".";
            element.params().forEach((name, value) -> addTag(tags, prefix + name, value));
        }
        lastFields = fields;
        lastTags = List.copyOf(tags);
        return lastTags;
    }

    /** A comma would split the tag in two in {@code ddtags}: it becomes {@code _}, as the intake would make it. */
    private static void addTag(List<String> tags, String key, String value) {
        if (value != null) {
            tags.add(key + ":" + value.replace(',', '_'));
        }
    }

    /** At most {@code maxMessageSize} bytes further, backed off to a character boundary. */
    private int pieceEnd(byte[] body, int start) {
        int end = (int) Math.min(body.length, (long) start + maxMessageSize);
        int boundary = end;
        while (boundary < body.length && boundary > start && (body[boundary] & 0xC0) == 0x80) {
            boundary--;
        }
        return boundary > start ? boundary : end;
    }

    private static byte[] withMarkers(byte[] body, int from, int to, boolean head, boolean tail) {
        int h = head ? TRUNCATED.length : 0;
        int t = tail ? TRUNCATED.length : 0;
        byte[] content = new byte[h + to - from + t];
        if (head) {
            System.arraycopy(TRUNCATED, 0, content, 0, h);
        }
        System.arraycopy(body, from, content, h, to - from);
        if (tail) {
            System.arraycopy(TRUNCATED, 0, content, h + to - from, t);
        }
        return content;
    }
}
