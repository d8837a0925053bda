package dev.logsagent.logs.decoder;

/** UTF-8: a one-byte newline that never occurs inside a multi-byte character. */
final class Utf8FrameFormat implements FrameFormat {
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
        return Utf8.boundary(b, off, len);
    }
}
