package dev.logsagent.logs.decoder;

/** UTF-16: a two-byte newline, only at even positions of the input, and surrogate pairs never cut. */
final class Utf16FrameFormat implements FrameFormat {
    private final int low;
    private final int high;

    /** @param bigEndian whether the high byte of each code unit comes first */
    Utf16FrameFormat(boolean bigEndian) {
        this.low = bigEndian ? 1 : 0;
        this.high = bigEndian ? 0 : 1;
    }

    @Override
    public int newlineWidth() {
        return 2;
    }

    @Override
    public int indexOfNewline(byte[] b, int from, int to) {
        for (int i = from; i + 2 <= to; i += 2) {
            if (b[i + low] == '\n' && b[i + high] == 0) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int boundary(byte[] b, int off, int len) {
        int last = off + len - 2;
        boolean endsWithHighSurrogate = len >= 2 && (b[last + high] & 0xFC) == 0xD8;
        return endsWithHighSurrogate && len > 2 ? len - 2 : len;
    }
}
