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

    /**
     * The high bit of each of the eight bytes that is a control character, {@code "}, {@code \} or non-ASCII; zero
     * when all are plain. Borrows only carry towards later bytes, so the first flagged byte is always a true one.
     */
    private static long specialBytes(long word) {
        long quote = word ^ (ONES * '"');
        long backslash = word ^ (ONES * '\\');
        // A byte b < 0x20 has its high bit set in b - 0x20 (when b itself is ASCII); zero bytes likewise.
        return ((word - ONES * 0x20) | (quote - ONES) | (backslash - ONES) | word) & HIGHS;
    }

    public static void write(byte[] src, int from, int to, GrowableBuffer out) {
        // Invariant: the array has room for the output so far plus one byte per input byte left; only escapes,
        // which write more than they read, check it again.
        int p = out.length();
        out.ensureCapacity(p + (to - from));
        byte[] dst = out.array();
        int i = from;
        while (true) {
            int special = nextSpecial(src, i, to);
            System.arraycopy(src, i, dst, p, special - i);
            p += special - i;
            if (special == to) {
                break;
            }
            byte b = src[special];
            int n = b >= 0 ? 0 : Utf8.sequenceLength(src, special, to);
            if (n > 0) {
                System.arraycopy(src, special, dst, p, n);
                p += n;
                i = special + n;
                continue;
            }
            int room = p + 6 + (to - special - 1);
            if (room > dst.length) {
                out.setLength(p);
                out.ensureCapacity(room);
                dst = out.array();
            }
            p = b >= 0 ? writeEscape(b, dst, p) : writeReplacement(dst, p);
            i = special + 1;
        }
        out.setLength(p);
    }

    /** The index of the first byte in {@code [i, to)} that is not plain printable ASCII, or {@code to}. */
    private static int nextSpecial(byte[] src, int i, int to) {
        // Most log bytes are plain: test them eight at a time.
        for (; i + 8 <= to; i += 8) {
            long special = specialBytes((long) LONGS.get(src, i));
            if (special != 0) {
                return i + (Long.numberOfTrailingZeros(special) >>> 3);
            }
        }
        for (; i < to; i++) {
            byte b = src[i];
            if (b < 0 || ESCAPES[b] != 0) {
                return i;
            }
        }
        return to;
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

    private static int writeEscape(byte b, byte[] dst, int p) {
        byte escape = ESCAPES[b];
        dst[p++] = '\\';
        dst[p++] = escape;
        if (escape == 'u') {
            dst[p++] = '0';
            dst[p++] = '0';
            dst[p++] = HEX[b >> 4];
            dst[p++] = HEX[b & 0xF];
        }
        return p;
    }

    private static int writeReplacement(byte[] dst, int p) {
        System.arraycopy(REPLACEMENT_CHARACTER, 0, dst, p, REPLACEMENT_CHARACTER.length);
        return p + REPLACEMENT_CHARACTER.length;
    }
}
