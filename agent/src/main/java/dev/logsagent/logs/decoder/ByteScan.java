package dev.logsagent.logs.decoder;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Byte searches of the hot path, eight bytes at a time (SWAR) where it pays. */
final class ByteScan {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    private ByteScan() {
    }

    /** Index of the first {@code '\n'} in {@code [from, to)}, or -1. */
    static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = (long) LONGS.get(b, i) ^ NEWLINES;
            // Classic "has zero byte": exact for the lowest zero byte, which little-endian order makes the first.
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    static boolean isAscii(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            if (((long) LONGS.get(b, i) & HIGHS) != 0) {
                return false;
            }
        }
        for (; i < end; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** ASCII white space as trimmed around lines: space, tab, line feed, vertical tab, form feed, carriage return. */
    static boolean isSpace(byte c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
