package dev.logsagent.serializer;

import dev.logsagent.config.SourceConfig;
import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.sources.LogSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.function.LongSupplier;

/**
 * Encodes a message as the intake's JSON object
 * {@code {"message","status","timestamp","hostname","service","ddsource","ddtags"}}, appended to a payload buffer.
 *
 * <p>Everything after the timestamp depends only on the message's source and its tag list (and on the service and
 * hostname of a log that names its own), so it is encoded once per (source, tag list instance) and then copied: tailers hand every message of an input the same tag list. A tag list
 * must therefore not be changed once messages carry it. Not thread-safe: one encoder per pipeline.
 */
public final class LogEncoder {
    private static final byte[] MESSAGE_KEY = ascii("{\"message\":\"");
    private static final byte[] STATUS_KEY = ascii("\",\"status\":\"");
    private static final byte[] TIMESTAMP_KEY = ascii("\",\"timestamp\":");
    private static final byte[] STATUS_INFO = ascii(Message.STATUS_INFO);
    private static final byte[] STATUS_ERROR = ascii(Message.STATUS_ERROR);
    private static final byte[] TRUNCATED_MARKER = ascii("...TRUNCATED...");
    /** Tag lists seen per source before the cache forgets them (inputs come and go: rotated files, containers). */
    private static final int MAX_TAG_LISTS_PER_SOURCE = 1024;

    private final byte[] hostnameField;
    private final List<String> hostTags;
    private final LongSupplier clock;
    private final Map<LogSource, Map<List<String>, byte[]>> tails = new WeakHashMap<>();
    private LogSource lastSource;
    private List<String> lastTags;
    private byte[] lastTail;
    /** Thousands of logs share a millisecond: its digits are written once and copied after. */
    private long lastTimestamp = -1;
    private final GrowableBuffer lastTimestampDigits = new GrowableBuffer(20);
    private LogSource overrideSource;
    private List<String> overrideTags;
    private String overrideService;
    private String overrideHostname;
    private byte[] overrideTail;

    public LogEncoder(String hostname, List<String> hostTags) {
        this(hostname, hostTags, System::currentTimeMillis);
    }

    /** @param clock epoch milliseconds, stamped on messages that carry no timestamp of their own */
    public LogEncoder(String hostname, List<String> hostTags, LongSupplier clock) {
        this.hostnameField = hostnameField(hostname);
        this.hostTags = List.copyOf(hostTags);
        this.clock = clock;
    }

    /** Appends the message's JSON object to {@code out}. */
    public void encode(Message m, GrowableBuffer out) {
        byte[] content = m.content();
        write(m, content.length, false, timestampOf(m), out);
    }

    /**
     * Appends the message's JSON object to {@code out}, cutting its content (on a character boundary, marked
     * {@code ...TRUNCATED...}) so that the object takes at most {@code maxBytes}. When even an empty message would not
     * fit, the object keeps only the marker and is larger than asked: a log is never dropped here.
     *
     * @return whether the content was cut
     */
    public boolean encode(Message m, GrowableBuffer out, int maxBytes) {
        int start = out.length();
        long timestamp = timestampOf(m);
        byte[] content = m.content();
        write(m, content.length, false, timestamp, out);
        if (out.length() - start <= maxBytes) {
            return false;
        }
        out.truncate(start);
        write(m, 0, true, timestamp, out);
        int budget = maxBytes - (out.length() - start);
        out.truncate(start);
        int end = JsonStringEscaper.fittingPrefixEnd(content, 0, content.length, Math.max(0, budget));
        write(m, end, true, timestamp, out);
        return true;
    }

    private long timestampOf(Message m) {
        long timestamp = m.timestamp();
        return timestamp != 0 ? timestamp : clock.getAsLong();
    }

    private void write(Message m, int contentEnd, boolean truncated, long timestamp, GrowableBuffer out) {
        out.write(MESSAGE_KEY, 0, MESSAGE_KEY.length);
        JsonStringEscaper.write(m.content(), 0, contentEnd, out);
        if (truncated) {
            out.write(TRUNCATED_MARKER, 0, TRUNCATED_MARKER.length);
        }
        out.write(STATUS_KEY, 0, STATUS_KEY.length);
        writeStatus(m.status(), out);
        out.write(TIMESTAMP_KEY, 0, TIMESTAMP_KEY.length);
        if (timestamp != lastTimestamp) {
            lastTimestampDigits.reset();
            lastTimestampDigits.writeDecimal(timestamp);
            lastTimestamp = timestamp;
        }
        out.write(lastTimestampDigits.array(), 0, lastTimestampDigits.length());
        byte[] tail = m.service() == null && m.hostname() == null
                ? tail(m.origin().source(), m.tags())
                : overriddenTail(m.origin().source(), m.tags(), m.service(), m.hostname());
        out.write(tail, 0, tail.length);
    }

    private static void writeStatus(String status, GrowableBuffer out) {
        if (Message.STATUS_INFO.equals(status)) {
            out.write(STATUS_INFO, 0, STATUS_INFO.length);
        } else if (Message.STATUS_ERROR.equals(status)) {
            out.write(STATUS_ERROR, 0, STATUS_ERROR.length);
        } else {
            JsonStringEscaper.write(status, out);
        }
    }

    private byte[] tail(LogSource source, List<String> tags) {
        if (source == lastSource && tags == lastTags) {
            return lastTail;
        }
        Map<List<String>, byte[]> bySource = tails.computeIfAbsent(source, s -> new IdentityHashMap<>());
        byte[] tail = bySource.get(tags);
        if (tail == null) {
            if (bySource.size() >= MAX_TAG_LISTS_PER_SOURCE) {
                bySource.clear();
            }
            tail = encodeTail(source.config(), tags, hostnameField, source.config().service());
            bySource.put(tags, tail);
        }
        lastSource = source;
        lastTags = tags;
        lastTail = tail;
        return tail;
    }

    /**
     * The tail of a log that names its own service or host (syslog). Such logs come in runs from one sender, so
     * the last tail is kept rather than filling the per-source cache with one entry per log.
     */
    private byte[] overriddenTail(LogSource source, List<String> tags, String service, String hostname) {
        if (source != overrideSource || tags != overrideTags || !Objects.equals(service, overrideService)
                || !Objects.equals(hostname, overrideHostname)) {
            overrideTail = encodeTail(source.config(), tags,
                    hostname == null ? hostnameField : hostnameField(hostname),
                    service == null ? source.config().service() : service);
            overrideSource = source;
            overrideTags = tags;
            overrideService = service;
            overrideHostname = hostname;
        }
        return overrideTail;
    }

    private static byte[] hostnameField(String hostname) {
        GrowableBuffer field = new GrowableBuffer(64);
        field.writeAscii(",\"hostname\":\"");
        JsonStringEscaper.write(hostname == null ? "" : hostname, field);
        field.write('"');
        return field.toByteArray();
    }

    /** {@code ,"hostname":..,"service":..,"ddsource":..,"ddtags":..}} with blank fields left out. */
    private byte[] encodeTail(SourceConfig config, List<String> messageTags, byte[] hostField, String service) {
        GrowableBuffer tail = new GrowableBuffer(256);
        tail.write(hostField, 0, hostField.length);
        writeField("service", service, tail);
        writeField("ddsource", config.source(), tail);
        writeField("ddtags", String.join(",", ddtags(config, messageTags)), tail);
        tail.write('}');
        return tail.toByteArray();
    }

    private List<String> ddtags(SourceConfig config, List<String> messageTags) {
        List<String> all = new ArrayList<>(config.tags());
        if (!isBlank(config.sourceCategory())) {
            all.add("sourcecategory:" + config.sourceCategory());
        }
        all.addAll(messageTags);
        all.addAll(hostTags);
        return all;
    }

    private static void writeField(String key, String value, GrowableBuffer out) {
        if (isBlank(value)) {
            return;
        }
        out.writeAscii(",\"");
        out.writeAscii(key);
        out.writeAscii("\":\"");
        JsonStringEscaper.write(value, out);
        out.write('"');
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
