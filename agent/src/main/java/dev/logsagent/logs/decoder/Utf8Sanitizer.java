package dev.logsagent.logs.decoder;

/**
 * UTF-8 input: ASCII and well-formed lines pass as views of the input, unchanged; only a line with ill-formed
 * bytes is rewritten, each maximal ill-formed subpart becoming one U+FFFD.
 */
final class Utf8Sanitizer implements Transcoder {
    private final ByteBuilder scratch = new ByteBuilder(1024);

    @Override
    public void toUtf8(byte[] raw, int off, int len, Line line) {
        int end = off + len;
        int bad = ByteScan.isAscii(raw, off, len) ? end : firstIllFormed(raw, off, end);
        if (bad == end) {
            line.setContent(raw, off, len);
            return;
        }
        scratch.reset();
        byte[] out = scratch.reserve(len * Utf8.REPLACEMENT.length);
        int n = bad - off;
        System.arraycopy(raw, off, out, 0, n);
        int i = bad;
        while (i < end) {
            int seq = Utf8.sequenceLength(raw, i, end);
            if (seq > 0) {
                for (int k = 0; k < seq; k++) {
                    out[n++] = raw[i++];
                }
            } else {
                System.arraycopy(Utf8.REPLACEMENT, 0, out, n, Utf8.REPLACEMENT.length);
                n += Utf8.REPLACEMENT.length;
                i -= seq;
            }
        }
        line.setContent(out, 0, n);
    }

    private static int firstIllFormed(byte[] b, int i, int end) {
        while (i < end) {
            int seq = Utf8.sequenceLength(b, i, end);
            if (seq < 0) {
                return i;
            }
            i += seq;
        }
        return end;
    }
}
