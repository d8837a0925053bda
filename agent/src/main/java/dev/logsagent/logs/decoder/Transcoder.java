package dev.logsagent.logs.decoder;

import dev.logsagent.config.Encoding;

import java.nio.charset.Charset;

/** Turns a framed line of the input's encoding into valid UTF-8, set as the line's content. */
interface Transcoder {
    void toUtf8(byte[] raw, int off, int len, Line line);

    static Transcoder of(Encoding encoding) {
        return switch (encoding) {
            case UTF_8 -> new Utf8Sanitizer();
            case UTF_16_LE -> new Utf16Transcoder(false);
            case UTF_16_BE -> new Utf16Transcoder(true);
            case SHIFT_JIS -> new CharsetTranscoder(Charset.forName("Shift_JIS"));
        };
    }
}
