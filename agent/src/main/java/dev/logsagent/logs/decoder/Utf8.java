package dev.logsagent.logs.decoder;

/** UTF-8 encoding of code points, and the replacement character that stands for what cannot be decoded. */
final class Utf8 {
    static final int REPLACEMENT_CHARACTER = 0xFFFD;
    /** U+FFFD REPLACEMENT CHARACTER as UTF-8. */
    static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};
    /** U+FEFF BYTE ORDER MARK as UTF-8. */
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Utf8() {
    }

    /** Writes {@code cp} (a scalar value; surrogates become U+FFFD) at {@code pos}; returns the position after it. */
    static int encode(int cp, byte[] out, int pos) {
        if (cp < 0x80) {
            out[pos] = (byte) cp;
            return pos + 1;
        }
        if (cp < 0x800) {
            out[pos] = (byte) (0xC0 | cp >>> 6);
            out[pos + 1] = (byte) (0x80 | cp & 0x3F);
            return pos + 2;
        }
        if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
            System.arraycopy(REPLACEMENT, 0, out, pos, REPLACEMENT.length);
            return pos + REPLACEMENT.length;
        }
        if (cp < 0x10000) {
            out[pos] = (byte) (0xE0 | cp >>> 12);
            out[pos + 1] = (byte) (0x80 | cp >>> 6 & 0x3F);
            out[pos + 2] = (byte) (0x80 | cp & 0x3F);
            return pos + 3;
        }
        out[pos] = (byte) (0xF0 | cp >>> 18);
        out[pos + 1] = (byte) (0x80 | cp >>> 12 & 0x3F);
        out[pos + 2] = (byte) (0x80 | cp >>> 6 & 0x3F);
        out[pos + 3] = (byte) (0x80 | cp & 0x3F);
        return pos + 4;
    }

    /**
     * Length of the well-formed sequence starting at {@code i} (Unicode table 3-7), or minus the length of its
     * maximal ill-formed subpart, which is what one U+FFFD replaces.
     */
    static int sequenceLength(byte[] b, int i, int end) {
        int lead = b[i] & 0xFF;
        if (lead < 0x80) {
            return 1;
        }
        int n;
        int lo = 0x80;
        int hi = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            n = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            n = 3;
            if (lead == 0xE0) {
                lo = 0xA0;
            } else if (lead == 0xED) {
                hi = 0x9F;
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            n = 4;
            if (lead == 0xF0) {
                lo = 0x90;
            } else if (lead == 0xF4) {
                hi = 0x8F;
            }
        } else {
            return -1;
        }
        for (int k = 1; k < n; k++) {
            if (i + k >= end) {
                return -k;
            }
            int c = b[i + k] & 0xFF;
            if (c < lo || c > hi) {
                return -k;
            }
            lo = 0x80;
            hi = 0xBF;
        }
        return n;
    }

    /**
     * Length of the longest prefix of {@code b[off, off + len)} that does not end inside a character; {@code len}
     * when the text cannot be cut shorter (ill-formed, or one character).
     */
    static int boundary(byte[] b, int off, int len) {
        int end = off + len;
        int lead = end - 1;
        while (lead > off && end - lead < 4 && (b[lead] & 0xC0) == 0x80) {
            lead--;
        }
        int first = b[lead] & 0xFF;
        int expected = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1;
        boolean cutsCharacter = first >= 0xC0 && expected > end - lead;
        return cutsCharacter && lead > off ? lead - off : len;
    }
}
