package dev.logsagent.logs.syslog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict RFC 5424 reader for what follows the PRI: {@code VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID
 * SP MSGID SP STRUCTURED-DATA [SP MSG]}. One instance reads one message.
 */
final class Rfc5424Reader {

    private static final int MAX_HOSTNAME = 255;
    private static final int MAX_APP_NAME = 48;
    private static final int MAX_PROC_ID = 128;
    private static final int MAX_MSG_ID = 32;
    private static final int MAX_SD_NAME = 32;

    /** Unwinds to {@link #read} on the first grammar violation; preallocated since bad input is not exceptional. */
    private static final class Malformed extends RuntimeException {
        private static final Malformed INSTANCE = new Malformed();

        private Malformed() {
            super(null, null, false, false);
        }
    }

    private final byte[] b;
    private final int end;
    private int pos;

    private Rfc5424Reader(byte[] b, int start, int end) {
        this.b = b;
        this.pos = start;
        this.end = end;
    }

    /**
     * Reads {@code [start, end)}, which must begin with the VERSION digits.
     *
     * @return the message, or null when the input breaks the grammar
     */
    static SyslogMessage read(byte[] b, int start, int end, int pri) {
        try {
            return new Rfc5424Reader(b, start, end).message(pri);
        } catch (Malformed malformed) {
            return null;
        }
    }

    private SyslogMessage message(int pri) {
        while (pos < end && SyslogTimestamps.isDigit(b[pos])) {
            pos++;
        }
        expect(' ');
        long timestamp = timestamp();
        String hostname = headerField(MAX_HOSTNAME);
        String appName = headerField(MAX_APP_NAME);
        String procId = headerField(MAX_PROC_ID);
        String msgId = headerField(MAX_MSG_ID);
        List<StructuredDataElement> structuredData = structuredData();
        String message = messageBody();
        return new SyslogMessage(pri >> 3, pri & 7, timestamp, hostname, appName, procId, msgId, structuredData,
                message, SyslogFormat.RFC5424);
    }

    private long timestamp() {
        int start = pos;
        while (pos < end && b[pos] != ' ') {
            pos++;
        }
        int tokenEnd = pos;
        expect(' ');
        if (tokenEnd - start == 1 && b[start] == '-') {
            return 0;
        }
        long millis = SyslogTimestamps.rfc3339(b, start, tokenEnd, true, null);
        if (millis == SyslogTimestamps.INVALID) {
            throw Malformed.INSTANCE;
        }
        return millis;
    }

    /** A header field of 1..max PRINTUSASCII characters and its trailing SP; null for the nil value. */
    private String headerField(int max) {
        int start = pos;
        while (pos < end && isPrintUsAscii(b[pos])) {
            pos++;
        }
        int length = pos - start;
        if (length == 0 || length > max) {
            throw Malformed.INSTANCE;
        }
        expect(' ');
        if (length == 1 && b[start] == '-') {
            return null;
        }
        return new String(b, start, length, StandardCharsets.ISO_8859_1);
    }

    private List<StructuredDataElement> structuredData() {
        if (pos < end && b[pos] == '-') {
            pos++;
            return List.of();
        }
        if (pos >= end || b[pos] != '[') {
            throw Malformed.INSTANCE;
        }
        List<StructuredDataElement> elements = new ArrayList<>(2);
        while (pos < end && b[pos] == '[') {
            pos++;
            String id = sdName();
            for (StructuredDataElement element : elements) {
                if (element.id().equals(id)) {
                    throw Malformed.INSTANCE;
                }
            }
            Map<String, String> params = new LinkedHashMap<>();
            while (pos < end && b[pos] == ' ') {
                pos++;
                String name = sdName();
                expect('=');
                expect('"');
                String value = paramValue();
                String previous = params.putIfAbsent(name, value);
                if (previous != null) {
                    params.put(name, previous + "," + value);
                }
            }
            expect(']');
            elements.add(new StructuredDataElement(id, Collections.unmodifiableMap(params)));
        }
        return Collections.unmodifiableList(elements);
    }

    /** SD-NAME: 1..32 PRINTUSASCII except {@code = SP ] "}. */
    private String sdName() {
        int start = pos;
        while (pos < end && isPrintUsAscii(b[pos]) && b[pos] != '=' && b[pos] != ']' && b[pos] != '"') {
            pos++;
        }
        int length = pos - start;
        if (length == 0 || length > MAX_SD_NAME) {
            throw Malformed.INSTANCE;
        }
        return new String(b, start, length, StandardCharsets.ISO_8859_1);
    }

    /**
     * PARAM-VALUE up to its closing quote, which is consumed. {@code " \ ]} must be escaped with a backslash; a
     * backslash before any other character is kept with that character, as RFC 5424 section 6.3.3 says.
     */
    private String paramValue() {
        int start = pos;
        boolean escaped = false;
        while (true) {
            if (pos >= end) {
                throw Malformed.INSTANCE;
            }
            byte c = b[pos];
            if (c == '"') {
                break;
            }
            if (c == ']') {
                throw Malformed.INSTANCE;
            }
            if (c == '\\') {
                escaped = true;
                pos++;
                if (pos >= end) {
                    throw Malformed.INSTANCE;
                }
            }
            pos++;
        }
        int valueEnd = pos++;
        if (!escaped) {
            return new String(b, start, valueEnd - start, StandardCharsets.UTF_8);
        }
        byte[] unescaped = new byte[valueEnd - start];
        int length = 0;
        for (int i = start; i < valueEnd; i++) {
            if (b[i] == '\\' && (b[i + 1] == '"' || b[i + 1] == '\\' || b[i + 1] == ']')) {
                i++;
            }
            unescaped[length++] = b[i];
        }
        return new String(unescaped, 0, length, StandardCharsets.UTF_8);
    }

    /** MSG after its SP, without a leading UTF-8 BOM; empty when the message ends after the structured data. */
    private String messageBody() {
        if (pos == end) {
            return "";
        }
        expect(' ');
        if (end - pos >= 3 && b[pos] == (byte) 0xEF && b[pos + 1] == (byte) 0xBB && b[pos + 2] == (byte) 0xBF) {
            pos += 3;
        }
        return new String(b, pos, end - pos, StandardCharsets.UTF_8);
    }

    private void expect(char c) {
        if (pos >= end || b[pos] != c) {
            throw Malformed.INSTANCE;
        }
        pos++;
    }

    private static boolean isPrintUsAscii(byte c) {
        return c >= 33 && c <= 126;
    }
}
