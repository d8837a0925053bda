package dev.logsagent.bench.live;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineStampTest {

    private static LineStamp parse(String text) {
        return LineStamp.parse(text.toCharArray(), 0, text.length());
    }

    @Test
    void readsBackWhatItWroteAtTheStartOfALine() {
        byte[] line = new byte[LineStamp.LENGTH + 5];
        LineStamp.format(line, 0, 42, 1_234_567_890L, 987_654_321_012_345L);
        System.arraycopy("hello".getBytes(StandardCharsets.US_ASCII), 0, line, LineStamp.LENGTH, 5);
        String text = new String(line, StandardCharsets.US_ASCII);

        assertThat(text).isEqualTo("f=000042 n=1234567890 t=987654321012345 hello");
        assertThat(parse(text)).isEqualTo(new LineStamp(42, 1_234_567_890L, 987_654_321_012_345L));
    }

    @Test
    void writesAWholeLineAfterWhatTheBufferAlreadyHolds() {
        byte[][] texts = {"hi".getBytes(StandardCharsets.US_ASCII), "hello".getBytes(StandardCharsets.US_ASCII)};
        byte[] buffer = new byte[3 + LineStamp.maxLineLength(texts)];
        buffer[0] = 'a';
        buffer[1] = 'b';
        buffer[2] = '\n';

        int length = LineStamp.line(buffer, 3, 7, 8, 9, texts[1]);

        assertThat(length).isEqualTo(LineStamp.maxLineLength(texts)).isEqualTo(LineStamp.LENGTH + 6);
        assertThat(new String(buffer, StandardCharsets.US_ASCII))
                .isEqualTo("ab\nf=000007 n=0000000008 t=000000000000009 hello\n");
    }

    @Test
    void readsAStampInsideALargerBuffer() {
        char[] buffer = "xx{f=000001 n=0000000002 t=000000000000003 rest}".toCharArray();

        assertThat(LineStamp.parse(buffer, 3, buffer.length - 4)).isEqualTo(new LineStamp(1, 2, 3));
    }

    @Test
    void findsNoStampInOtherLines() {
        assertThat(parse("a log line of someone else that is long enough to hold a stamp")).isNull();
        assertThat(parse("f=000042 n=12345")).isNull();
        assertThat(parse("f=0000x2 n=0000000002 t=000000000000003 rest")).isNull();
    }

    @Test
    void refusesValuesWiderThanTheirField() {
        byte[] line = new byte[LineStamp.LENGTH];

        assertThatThrownBy(() -> LineStamp.format(line, 0, 1_000_000, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1000000");
        assertThatThrownBy(() -> LineStamp.format(line, 0, 0, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
