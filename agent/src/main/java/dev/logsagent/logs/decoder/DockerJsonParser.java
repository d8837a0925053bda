package dev.logsagent.logs.decoder;

import dev.logsagent.logs.message.Message;

import java.util.Arrays;

/**
 * Reads docker {@code json-file} records, {@code {"log":"...\n","stream":"stdout","time":"..."}}, with a small
 * byte-level JSON scanner: the {@code log} string is unescaped straight into UTF-8, other keys are skipped. A
 * {@code log} without a final newline is a piece of a longer line, joined by the {@link PartialJoiner}. A line
 * that is not such a record is passed on as it is, never dropped.
 */
final class DockerJsonParser implements LineConsumer {
    private static final byte[] LOG = {'l', 'o', 'g'};
    private static final byte[] STREAM = {'s', 't', 'r', 'e', 'a', 'm'};
    private static final byte[] TIME = {'t', 'i', 'm', 'e'};
    private static final byte[] STDERR = {'s', 't', 'd', 'e', 'r', 'r'};

    private final PartialJoiner joiner;
    private final LineConsumer rawOut;
    private final ByteBuilder log = new ByteBuilder(1024);
    private boolean hasLog;
    private int stream;
    private long timestamp;

    /** @param rawOut where lines that are not docker records go, as they are */
    DockerJsonParser(PartialJoiner joiner, LineConsumer rawOut) {
        this.joiner = joiner;
        this.rawOut = rawOut;
    }

    @Override
    public void accept(Line line) throws InterruptedException {
        if (line.truncated() || !parse(line.buf, line.off, line.off + line.len)) {
            rawOut.accept(line);
            return;
        }
        int n = log.length();
        boolean partial = n == 0 || log.array()[n - 1] != '\n';
        line.setContent(log.array(), 0, n);
        line.status = stream == PartialJoiner.STDERR ? Message.STATUS_ERROR : Message.STATUS_INFO;
        line.timestamp = timestamp;
        joiner.accept(line, stream, partial);
    }

    /** Scans one JSON object; true when it is one with a string {@code log}, left unescaped in {@link #log}. */
    private boolean parse(byte[] b, int p, int end) {
        hasLog = false;
        stream = PartialJoiner.STDOUT;
        timestamp = 0;
        p = skipSpace(b, p, end);
        if (p >= end || b[p] != '{') {
            return false;
        }
        p = skipSpace(b, p + 1, end);
        if (p < end && b[p] == '}') {
            return false;
        }
        while (p < end && b[p] == '"') {
            int keyEnd = skipString(b, p, end);
            if (keyEnd < 0) {
                return false;
            }
            int keyStart = p + 1;
            int keyLen = keyEnd - 1 - keyStart;
            p = skipSpace(b, keyEnd, end);
            if (p >= end || b[p] != ':') {
                return false;
            }
            p = skipSpace(b, p + 1, end);
            p = value(b, p, end, keyStart, keyLen);
            if (p < 0) {
                return false;
            }
            p = skipSpace(b, p, end);
            if (p < end && b[p] == ',') {
                p = skipSpace(b, p + 1, end);
            } else if (p < end && b[p] == '}') {
                return hasLog && skipSpace(b, p + 1, end) == end;
            } else {
                return false;
            }
        }
        return false;
    }

    /** Reads the value of one key at {@code p}; returns the position after it, or -1. */
    private int value(byte[] b, int p, int end, int keyStart, int keyLen) {
        if (p >= end) {
            return -1;
        }
        boolean isString = b[p] == '"';
        if (isString && keyIs(b, keyStart, keyLen, LOG)) {
            hasLog = true;
            return unescape(b, p, end);
        }
        int valueEnd = skipValue(b, p, end);
        if (isString && valueEnd > 0) {
            int start = p + 1;
            int len = valueEnd - 1 - start;
            if (keyIs(b, keyStart, keyLen, STREAM)) {
                stream = keyIs(b, start, len, STDERR) ? PartialJoiner.STDERR : PartialJoiner.STDOUT;
            } else if (keyIs(b, keyStart, keyLen, TIME)) {
                long millis = Rfc3339.toEpochMillis(b, start, len);
                timestamp = millis == Rfc3339.INVALID ? 0 : millis;
            }
        }
        return valueEnd;
    }

    /** Unescapes the JSON string at {@code p} (its opening quote) into {@link #log}; returns the position after it. */
    private int unescape(byte[] b, int p, int end) {
        log.reset();
        byte[] out = log.reserve(end - p);
        int n = 0;
        int i = p + 1;
        while (i < end) {
            byte c = b[i];
            if (c == '"') {
                log.setLength(n);
                return i + 1;
            }
            if (c != '\\') {
                out[n++] = c;
                i++;
                continue;
            }
            if (i + 1 >= end) {
                return -1;
            }
            byte e = b[i + 1];
            i += 2;
            switch (e) {
                case '"', '\\', '/' -> out[n++] = e;
                case 'b' -> out[n++] = '\b';
                case 'f' -> out[n++] = '\f';
                case 'n' -> out[n++] = '\n';
                case 'r' -> out[n++] = '\r';
                case 't' -> out[n++] = '\t';
                case 'u' -> {
                    int cp = hex4(b, i, end);
                    if (cp < 0) {
                        return -1;
                    }
                    i += 4;
                    if (Character.isHighSurrogate((char) cp) && i + 6 <= end && b[i] == '\\' && b[i + 1] == 'u') {
                        int low = hex4(b, i + 2, end);
                        if (low >= 0 && Character.isLowSurrogate((char) low)) {
                            cp = Character.toCodePoint((char) cp, (char) low);
                            i += 6;
                        }
                    }
                    n = Utf8.encode(cp, out, n);
                }
                default -> {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static int hex4(byte[] b, int i, int end) {
        if (i + 4 > end) {
            return -1;
        }
        int v = 0;
        for (int k = i; k < i + 4; k++) {
            int d = Character.digit(b[k], 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }

    /** Skips any JSON value at {@code p}; returns the position after it, or -1. */
    private static int skipValue(byte[] b, int p, int end) {
        byte c = b[p];
        if (c == '"') {
            return skipString(b, p, end);
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            while (p < end) {
                c = b[p];
                if (c == '"') {
                    p = skipString(b, p, end);
                    if (p < 0) {
                        return -1;
                    }
                    continue;
                }
                if (c == '{' || c == '[') {
                    depth++;
                } else if ((c == '}' || c == ']') && --depth == 0) {
                    return p + 1;
                }
                p++;
            }
            return -1;
        }
        int start = p;
        while (p < end && b[p] != ',' && b[p] != '}' && b[p] != ']' && !ByteScan.isSpace(b[p])) {
            p++;
        }
        return p > start ? p : -1;
    }

    /** Skips the JSON string whose opening quote is at {@code p}; returns the position after its closing quote. */
    private static int skipString(byte[] b, int p, int end) {
        for (int i = p + 1; i < end; i++) {
            byte c = b[i];
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                i++;
            }
        }
        return -1;
    }

    private static int skipSpace(byte[] b, int p, int end) {
        while (p < end && ByteScan.isSpace(b[p])) {
            p++;
        }
        return p;
    }

    private static boolean keyIs(byte[] b, int off, int len, byte[] name) {
        return Arrays.equals(b, off, off + len, name, 0, name.length);
    }
}
