package dev.logsagent.logs.decoder;

import dev.logsagent.config.Encoding;

/** What the framer needs to know of an encoding: where a newline is, and where a character may be cut. */
interface FrameFormat {
    /** Bytes of a newline, which is also the code unit every line start is aligned to. */
    int newlineWidth();

    /**
     * Index of the first newline whose bytes all lie in {@code [from, to)}, looking only at positions aligned to
     * {@code from}; -1 if none.
     */
    int indexOfNewline(byte[] b, int from, int to);

    /**
     * Length of the longest prefix of {@code b[off, off + len)} that does not end inside a character, {@code len}
     * itself when the text cannot be cut shorter. {@code off} is a character start.
     */
    int boundary(byte[] b, int off, int len);

    static FrameFormat of(Encoding encoding) {
        return switch (encoding) {
            case UTF_8 -> new Utf8FrameFormat();
            case UTF_16_LE -> new Utf16FrameFormat(false);
            case UTF_16_BE -> new Utf16FrameFormat(true);
            case SHIFT_JIS -> new ShiftJisFrameFormat();
        };
    }
}
