package dev.logsagent.serializer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes UTF-8 bytes as the inside of a JSON string in one pass: runs of plain bytes are copied at once, {@code "},
 * {@code \} and control characters are escaped, and each byte that is not part of well-formed UTF-8 becomes U+FFFD,
 * so that the output is always valid JSON whatever the input.
 */
public final class JsonStringEscaper {
    private static final byte[] REPLACEMENT_CHARACTER = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** For each ASCII byte: 0 when written as is, else the character after the backslash. */
    private static final byte[] ESCAPES = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = 'u';
        }
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\n'] = 'n';
        ESCAPES['\r'] = 'r';
        ESCAPES['\t'] = 't';
        ESCAPES['\b'] = 'b';
        ESCAPES['\f'] = 'f';
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private JsonStringEscaper() {
    }

    /** True when none of the eight bytes is a control character, {@code "}, {@code \} or non-ASCII. */
    private static boolean isPlain(long word) {
        long quote = word ^ (ONES * '"');
        long backslash = word ^ (ONES * '\\');
        // A byte b < 0x20 has its high bit set in b - 0x20 (when b itself is ASCII); zero bytes likewise.
        long found = (word - ONES * 0x20) | (quote - ONES) | (backslash - ONES) | word;
        return (found & HIGHS) == 0;
    }

    public static void write(byte[] src, int from, int to, GrowableBuffer out) {
        int runStart = from;
        int i = from;
        while (i < to) {
            // Most log bytes are plain printable ASCII: skip them eight at a time.
            while (i + 8 <= to && isPlain((long) LONGS.get(src, i))) {
                i += 8;
            }
            if (i >= to) {
                break;
            }
            byte b = src[i];
            if (b >= 0) {
                if (ESCAPES[b] == 0) {
                    i++;
                    continue;
                }
                out.write(src, runStart, i - runStart);
                writeEscape(b, out);
            } else {
                int n = Utf8.sequenceLength(src, i, to);
                if (n > 0) {
                    i += n;
                    continue;
                }
                out.write(src, runStart, i - runStart);
                out.write(REPLACEMENT_CHARACTER, 0, REPLACEMENT_CHARACTER.length);
            }
            i++;
            runStart = i;
        }
        out.write(src, runStart, to - runStart);
    }

    public static void write(String s, GrowableBuffer out) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        write(utf8, 0, utf8.length, out);
    }

    /**
     * The end of the longest prefix of {@code src[from, to)} that ends on a character boundary and whose escaped form
     * takes at most {@code budget} bytes.
     */
    public static int fittingPrefixEnd(byte[] src, int from, int to, int budget) {
        int used = 0;
        int i = from;
        while (i < to) {
            byte b = src[i];
            int consumed;
            int written;
            if (b >= 0) {
                consumed = 1;
                written = ESCAPES[b] == 0 ? 1 : ESCAPES[b] == 'u' ? 6 : 2;
            } else {
                int n = Utf8.sequenceLength(src, i, to);
                consumed = n > 0 ? n : 1;
                written = n > 0 ? n : REPLACEMENT_CHARACTER.length;
            }
            if (used + written > budget) {
                break;
            }
            used += written;
            i += consumed;
        }
        return i;
    }

    private static void writeEscape(byte b, GrowableBuffer out) {
        byte escape = ESCAPES[b];
        out.write('\\');
        out.write(escape);
        if (escape == 'u') {
            out.write('0');
            out.write('0');
            out.write(HEX[b >> 4]);
            out.write(HEX[b & 0xF]);
        }
    }
}
