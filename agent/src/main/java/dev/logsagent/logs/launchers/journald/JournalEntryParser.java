package dev.logsagent.logs.launchers.journald;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one line of {@code journalctl --output=json}: an object of fields whose values are a string, an array of
 * byte values (a value that is not printable UTF-8) or, for a field the entry has several times, an array of those.
 * Streams over the line's bytes and keeps only the fields the agent uses; the others are skipped unread.
 */
public final class JournalEntryParser {
    static final String MESSAGE = "MESSAGE";
    static final String PRIORITY = "PRIORITY";
    static final String SYSLOG_IDENTIFIER = "SYSLOG_IDENTIFIER";
    static final String SYSTEMD_UNIT = "_SYSTEMD_UNIT";
    static final String COMM = "_COMM";
    private static final String CURSOR = "__CURSOR";
    private static final String REALTIME = "__REALTIME_TIMESTAMP";
    private static final byte[] EMPTY = new byte[0];
    private static final JsonFactory JSON = new JsonFactory();

    private final Set<String> otherFields;

    /** @param otherFields fields to keep every value of, beside those every entry is read for */
    public JournalEntryParser(Set<String> otherFields) {
        this.otherFields = Set.copyOf(otherFields);
    }

    /** @throws IllegalArgumentException when the line is not a JSON object with a {@code __CURSOR} */
    public JournalEntry parse(byte[] line, int off, int len) {
        String cursor = null;
        long realtime = 0;
        byte[] message = EMPTY;
        int priority = -1;
        String identifier = null;
        String unit = null;
        String command = null;
        Map<String, List<String>> others = Map.of();
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), line, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("expected a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case MESSAGE -> message = orEmpty(first(p, value));
                    case CURSOR -> cursor = firstText(p, value);
                    case REALTIME -> realtime = number(firstText(p, value), -1);
                    case PRIORITY -> priority = (int) number(firstText(p, value), -1);
                    case SYSLOG_IDENTIFIER -> identifier = firstText(p, value);
                    case SYSTEMD_UNIT -> unit = firstText(p, value);
                    case COMM -> command = firstText(p, value);
                    default -> {
                        if (otherFields.contains(name)) {
                            if (others.isEmpty()) {
                                others = new HashMap<>();
                            }
                            others.put(name, all(p, value));
                        } else {
                            p.skipChildren();
                        }
                    }
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new IllegalArgumentException("expected a field name or the end of the object, got " + t);
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage(), e);
        }
        if (cursor == null) {
            throw new IllegalArgumentException("entry without " + CURSOR);
        }
        return new JournalEntry(cursor, Math.max(0, realtime), message, priority >= 0 && priority <= 7 ? priority : -1,
                identifier, unit, command, others);
    }

    /** The first value of a field (a field may appear several times in one entry), as UTF-8; null when null. */
    private static byte[] first(JsonParser p, JsonToken token) {
        if (token != JsonToken.START_ARRAY) {
            return scalar(p, token);
        }
        JsonToken next = p.nextToken();
        if (next == JsonToken.VALUE_NUMBER_INT) {
            return byteArray(p, next);
        }
        byte[] first = next == JsonToken.END_ARRAY ? null : one(p, next);
        if (next != JsonToken.END_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                p.skipChildren();
            }
        }
        return first;
    }

    private static String firstText(JsonParser p, JsonToken token) {
        return token == JsonToken.VALUE_STRING ? p.getString() : text(first(p, token));
    }

    /** Every value of a field, as strings. */
    private static List<String> all(JsonParser p, JsonToken token) {
        if (token != JsonToken.START_ARRAY) {
            return List.of(text(scalar(p, token)));
        }
        JsonToken next = p.nextToken();
        if (next == JsonToken.VALUE_NUMBER_INT) {
            return List.of(text(byteArray(p, next)));
        }
        List<String> values = new ArrayList<>(2);
        for (; next != JsonToken.END_ARRAY; next = p.nextToken()) {
            values.add(text(one(p, next)));
        }
        return values;
    }

    /** One value inside a field's array of values: a string or an array of bytes. */
    private static byte[] one(JsonParser p, JsonToken token) {
        if (token == JsonToken.START_ARRAY) {
            JsonToken next = p.nextToken();
            return next == JsonToken.END_ARRAY ? EMPTY : byteArray(p, next);
        }
        return scalar(p, token);
    }

    private static byte[] scalar(JsonParser p, JsonToken token) {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!token.isScalarValue()) {
            throw new IllegalArgumentException("unexpected " + token + " as a field value");
        }
        return p.getString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads {@code [n, n, ...]} from its first number to its end; the bytes are decoded as UTF-8 with U+FFFD. */
    private static byte[] byteArray(JsonParser p, JsonToken first) {
        byte[] bytes = new byte[64];
        int n = 0;
        for (JsonToken t = first; t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.VALUE_NUMBER_INT || p.getIntValue() < 0 || p.getIntValue() > 255) {
                throw new IllegalArgumentException("expected byte values 0..255 in a binary field, got " + t);
            }
            if (n == bytes.length) {
                bytes = Arrays.copyOf(bytes, n * 2);
            }
            bytes[n++] = (byte) p.getIntValue();
        }
        return new String(bytes, 0, n, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] orEmpty(byte[] value) {
        return value == null ? EMPTY : value;
    }

    private static String text(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    private static long number(String text, long otherwise) {
        if (text == null) {
            return otherwise;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
