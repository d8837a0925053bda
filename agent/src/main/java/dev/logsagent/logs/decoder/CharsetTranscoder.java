package dev.logsagent.logs.decoder;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/**
 * Input in a legacy multi-byte encoding (Shift-JIS): decoded with a reused {@link CharsetDecoder} that replaces what
 * it cannot read by U+FFFD, then written out as UTF-8.
 */
final class CharsetTranscoder implements Transcoder {
    private final CharsetDecoder decoder;
    private final ByteBuilder out = new ByteBuilder(1024);
    private CharBuffer chars = CharBuffer.allocate(1024);
    private ByteBuffer input = ByteBuffer.allocate(0);

    CharsetTranscoder(Charset charset) {
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    @Override
    public void toUtf8(byte[] raw, int off, int len, Line line) {
        if (input.array() != raw) {
            input = ByteBuffer.wrap(raw);
        }
        input.clear().position(off).limit(off + len);
        int maxChars = (int) Math.ceil(len * (double) decoder.maxCharsPerByte()) + 1;
        if (chars.capacity() < maxChars || chars.capacity() > ByteBuilder.RETAINED_CAPACITY) {
            chars = CharBuffer.allocate(Math.max(1024, maxChars));
        }
        chars.clear();
        decoder.reset();
        decoder.decode(input, chars, true);
        decoder.flush(chars);
        chars.flip();
        out.reset();
        byte[] dst = out.reserve(chars.remaining() * 3);
        int n = 0;
        char[] src = chars.array();
        int end = chars.limit();
        for (int i = 0; i < end; i++) {
            char c = src[i];
            int cp = c;
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(src[i + 1])) {
                cp = Character.toCodePoint(c, src[++i]);
            }
            n = Utf8.encode(cp, dst, n);
        }
        line.setContent(dst, 0, n);
    }
}
