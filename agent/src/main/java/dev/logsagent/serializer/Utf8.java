package dev.logsagent.serializer;

/** UTF-8 validation on raw bytes, with the same notion of "valid" as Go's {@code utf8.DecodeRune}. */
public final class Utf8 {
    private Utf8() {
    }

    /**
     * The length (1 to 4) of the well-formed UTF-8 sequence starting at {@code i}, or 0 when the bytes there are not
     * one (stray continuation byte, overlong form, surrogate, beyond U+10FFFF, or cut by {@code end}).
     */
    public static int sequenceLength(byte[] b, int i, int end) {
        int lead = b[i] & 0xFF;
        if (lead < 0x80) {
            return 1;
        }
        if (lead < 0xC2 || lead > 0xF4) {
            return 0;
        }
        if (lead < 0xE0) {
            return i + 1 < end && isContinuation(b[i + 1]) ? 2 : 0;
        }
        if (lead < 0xF0) {
            if (i + 2 >= end) {
                return 0;
            }
            int second = b[i + 1] & 0xFF;
            int low = lead == 0xE0 ? 0xA0 : 0x80;
            int high = lead == 0xED ? 0x9F : 0xBF;
            return second >= low && second <= high && isContinuation(b[i + 2]) ? 3 : 0;
        }
        if (i + 3 >= end) {
            return 0;
        }
        int second = b[i + 1] & 0xFF;
        int low = lead == 0xF0 ? 0x90 : 0x80;
        int high = lead == 0xF4 ? 0x8F : 0xBF;
        return second >= low && second <= high && isContinuation(b[i + 2]) && isContinuation(b[i + 3]) ? 4 : 0;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
