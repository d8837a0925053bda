package dev.logsagent.bench.live;

import java.nio.charset.StandardCharsets;

/**
 * What every written line starts with, so the intake can tell which file and which line it got and when it was
 * written: {@code f=000042 n=0000001234 t=000001234567890 } — the file's index, the line's sequence in that file and
 * its write time in nanoseconds since the run's epoch. Fixed widths: writing is a copy and a few digits, reading
 * needs no search.
 *
 * @param file  index of the file, 0 to {@value #MAX_FILE}
 * @param seq   sequence of the line in its file, from 0
 * @param nanos write time, nanoseconds since the run's epoch
 */
record LineStamp(int file, long seq, long nanos) {
    static final int MAX_FILE = 999_999;
    private static final byte[] TEMPLATE =
            "f=000000 n=0000000000 t=000000000000000 ".getBytes(StandardCharsets.US_ASCII);
    static final int LENGTH = TEMPLATE.length;
    private static final int FILE_AT = 2;
    private static final int FILE_DIGITS = 6;
    private static final int SEQ_AT = 11;
    private static final int SEQ_DIGITS = 10;
    private static final int NANOS_AT = 24;
    private static final int NANOS_DIGITS = 15;

    /** Writes the stamp into {@code dst[off, off + LENGTH)}. */
    static void format(byte[] dst, int off, int file, long seq, long nanos) {
        System.arraycopy(TEMPLATE, 0, dst, off, LENGTH);
        digits(dst, off + FILE_AT, FILE_DIGITS, file);
        digits(dst, off + SEQ_AT, SEQ_DIGITS, seq);
        digits(dst, off + NANOS_AT, NANOS_DIGITS, nanos);
    }

    /** Writes a whole line into {@code dst[off, ...)}: the stamp, {@code text} and a newline; returns its length. */
    static int line(byte[] dst, int off, int file, long seq, long nanos, byte[] text) {
        format(dst, off, file, seq, nanos);
        System.arraycopy(text, 0, dst, off + LENGTH, text.length);
        int length = LENGTH + text.length + 1;
        dst[off + length - 1] = '\n';
        return length;
    }

    /** The length of the longest {@link #line} with one of {@code texts}. */
    static int maxLineLength(byte[][] texts) {
        int max = 0;
        for (byte[] t : texts) {
            max = Math.max(max, t.length);
        }
        return LENGTH + max + 1;
    }

    private static void digits(byte[] dst, int at, int width, long value) {
        long v = value;
        for (int i = at + width - 1; i >= at; i--) {
            dst[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        if (v != 0 || value < 0) {
            throw new IllegalArgumentException(value + " does not fit the stamp's " + width + " digits");
        }
    }

    /** The stamp at the start of {@code text[off, off + len)}, or null when the text does not start with one. */
    static LineStamp parse(char[] text, int off, int len) {
        if (len < LENGTH || text[off] != 'f' || text[off + 1] != '=' || text[off + SEQ_AT - 2] != 'n'
                || text[off + NANOS_AT - 2] != 't' || text[off + LENGTH - 1] != ' ') {
            return null;
        }
        long file = number(text, off + FILE_AT, FILE_DIGITS);
        long seq = number(text, off + SEQ_AT, SEQ_DIGITS);
        long nanos = number(text, off + NANOS_AT, NANOS_DIGITS);
        return file < 0 || seq < 0 || nanos < 0 ? null : new LineStamp((int) file, seq, nanos);
    }

    private static long number(char[] text, int at, int width) {
        long v = 0;
        for (int i = at; i < at + width; i++) {
            char c = text[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
