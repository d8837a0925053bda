package dev.logsagent.logs.decoder;

/**
 * UTF-16 input written straight out as UTF-8. Hand-written rather than a {@code CharsetDecoder} because the JDK's
 * decoder swallows the character after an unpaired high surrogate; here an unpaired surrogate, or an odd last byte,
 * becomes one U+FFFD and nothing else is lost.
 */
final class Utf16Transcoder implements Transcoder {
    private final ByteBuilder out = new ByteBuilder(1024);
    private final int high;
    private final int low;

    /** @param bigEndian whether the high byte of each code unit comes first */
    Utf16Transcoder(boolean bigEndian) {
        this.high = bigEndian ? 0 : 1;
        this.low = bigEndian ? 1 : 0;
    }

    @Override
    public void toUtf8(byte[] raw, int off, int len, Line line) {
        out.reset();
        // Each 2-byte unit gives at most 3 bytes, a pair of units 4, an odd last byte 3.
        byte[] dst = out.reserve((len / 2 + 1) * 3);
        int n = 0;
        int end = off + len - 1;
        int i = off;
        while (i < end) {
            char c = unit(raw, i);
            i += 2;
            int cp = c;
            if (Character.isHighSurrogate(c) && i < end && Character.isLowSurrogate(unit(raw, i))) {
                cp = Character.toCodePoint(c, unit(raw, i));
                i += 2;
            }
            n = Utf8.encode(cp, dst, n);
        }
        if (i < off + len) {
            n = Utf8.encode(Utf8.REPLACEMENT_CHARACTER, dst, n);
        }
        line.setContent(dst, 0, n);
    }

    private char unit(byte[] b, int i) {
        return (char) ((b[i + high] & 0xFF) << 8 | b[i + low] & 0xFF);
    }
}
