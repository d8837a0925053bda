package dev.logsagent.logs.decoder;

/** Shift-JIS: the newline is one byte, and the second byte of a double-byte character is never 0x0A. */
final class ShiftJisFrameFormat implements FrameFormat {
    @Override
    public int newlineWidth() {
        return 1;
    }

    @Override
    public int indexOfNewline(byte[] b, int from, int to) {
        return ByteScan.indexOfNewline(b, from, to);
    }

    @Override
    public int boundary(byte[] b, int off, int len) {
        // A second byte can look like a lead byte, so characters are only told apart scanning forward.
        int end = off + len;
        int i = off;
        while (i < end) {
            int next = i + (isLeadByte(b[i]) ? 2 : 1);
            if (next > end) {
                return i > off ? i - off : len;
            }
            i = next;
        }
        return len;
    }

    private static boolean isLeadByte(byte b) {
        int c = b & 0xFF;
        return (c >= 0x81 && c <= 0x9F) || (c >= 0xE0 && c <= 0xFC);
    }
}
