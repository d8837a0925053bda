package dev.logsagent.logs.decoder;

import dev.logsagent.config.Encoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DecoderEncodingTest {
    private static final String TEXT = "héllo wörld\r\n\n  日本語 😀 end  \nlast\n";
    private static final List<String> LINES = List.of("héllo wörld", "日本語 😀 end", "last");

    static Stream<Arguments> utf16Encodings() {
        return Stream.of(
                Arguments.of(Encoding.UTF_16_LE, StandardCharsets.UTF_16LE),
                Arguments.of(Encoding.UTF_16_BE, StandardCharsets.UTF_16BE));
    }

    @ParameterizedTest
    @MethodSource("utf16Encodings")
    void utf16IsDecodedToUtf8WithOffsetsInInputBytes(Encoding encoding, Charset charset)
            throws InterruptedException {
        byte[] input = TEXT.getBytes(charset);

        DecoderFixture f = new DecoderFixture(DecoderOptions.defaults().withEncoding(encoding)).feed(input);

        assertThat(f.contents()).isEqualTo(LINES);
        assertThat(f.offsets()).containsExactly(
                (long) "héllo wörld\r\n".getBytes(charset).length,
                (long) "héllo wörld\r\n\n  日本語 😀 end  \n".getBytes(charset).length,
                (long) input.length);
    }

    @ParameterizedTest
    @MethodSource("utf16Encodings")
    void utf16SplitAtEveryByteIncludingOddOnesGivesTheSameMessages(Encoding encoding, Charset charset)
            throws InterruptedException {
        byte[] input = TEXT.getBytes(charset);
        for (int split = 1; split < input.length; split++) {
            DecoderFixture f = new DecoderFixture(DecoderOptions.defaults().withEncoding(encoding));
            f.decoder.decode(input, 0, split);
            f.decoder.decode(input, split, input.length - split);

            assertThat(f.contents()).as("split at byte %d", split).isEqualTo(LINES);
            assertThat(f.offsets().getLast()).isEqualTo(input.length);
        }
    }

    @ParameterizedTest
    @MethodSource("utf16Encodings")
    void utf16FedOneByteAtATimeGivesTheSameMessages(Encoding encoding, Charset charset)
            throws InterruptedException {
        DecoderFixture f = new DecoderFixture(DecoderOptions.defaults().withEncoding(encoding))
                .feedInChunks(TEXT.getBytes(charset), 1);

        assertThat(f.contents()).isEqualTo(LINES);
    }

    @Test
    void newlineByteInsideAUtf16CodeUnitIsNotANewline() throws InterruptedException {
        // U+0A0A is "\n\n" byte-wise in both orders; U+010A has 0x0A as its low byte.
        String text = "\u0A0A\u010A\nnext\n";

        DecoderFixture le = new DecoderFixture(DecoderOptions.defaults().withEncoding(Encoding.UTF_16_LE))
                .feed(text.getBytes(StandardCharsets.UTF_16LE));
        DecoderFixture be = new DecoderFixture(DecoderOptions.defaults().withEncoding(Encoding.UTF_16_BE))
                .feed(text.getBytes(StandardCharsets.UTF_16BE));

        assertThat(le.contents()).containsExactly("\u0A0A\u010A", "next");
        assertThat(be.contents()).containsExactly("\u0A0A\u010A", "next");
    }

    @Test
    void utf16ByteOrderMarkIsDroppedAndBrokenSurrogatesBecomeReplacementCharacters() throws InterruptedException {
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        byte[] loneHighSurrogate = {0x3D, (byte) 0xD8, 'x', 0, '\n', 0};

        DecoderFixture f = new DecoderFixture(DecoderOptions.defaults().withEncoding(Encoding.UTF_16_LE))
                .feed(DecoderFramingTest.concat(bom, loneHighSurrogate));

        assertThat(f.contents()).containsExactly("\uFFFDx");
        assertThat(f.offsets()).containsExactly(8L);
    }

    @Test
    void utf16LastLineWithAnOddByteIsEmittedWithAReplacementCharacterAtTheEnd() throws InterruptedException {
        byte[] input = {'a', 0, '\n', 0, 'b', 0, 'c'};

        DecoderFixture f = new DecoderFixture(DecoderOptions.defaults().withEncoding(Encoding.UTF_16_LE)).feed(input);
        assertThat(f.decoder.pendingBytes()).isEqualTo(3);
        f.decoder.flushAll();

        assertThat(f.contents()).containsExactly("a", "b\uFFFD");
        assertThat(f.offsets()).containsExactly(4L, 7L);
    }

    @Test
    void shiftJisJapaneseTextIsDecodedToUtf8() throws InterruptedException {
        Charset sjis = Charset.forName("Shift_JIS");
        String text = "2024年1月2日 ログ出力テスト\r\nｶﾀｶﾅ 表示\n";
        byte[] input = text.getBytes(sjis);

        DecoderFixture f = new DecoderFixture(DecoderOptions.defaults().withEncoding(Encoding.SHIFT_JIS))
                .feedInChunks(input, 3);

        assertThat(f.contents()).containsExactly("2024年1月2日 ログ出力テスト", "ｶﾀｶﾅ 表示");
        assertThat(f.offsets()).containsExactly((long) "2024年1月2日 ログ出力テスト\r\n".getBytes(sjis).length,
                (long) input.length);
    }

    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                Arguments.of("stray continuation byte", "61 80 62", "a\uFFFDb"),
                Arguments.of("invalid byte FF", "61 FF 62", "a\uFFFDb"),
                Arguments.of("two-byte sequence cut by the line end", "61 C3", "a\uFFFD"),
                Arguments.of("three-byte sequence missing its last byte", "E2 82 78", "\uFFFDx"),
                Arguments.of("overlong encoding of '/'", "C0 AF", "\uFFFD\uFFFD"),
                Arguments.of("encoded surrogate", "ED A0 80", "\uFFFD\uFFFD\uFFFD"),
                Arguments.of("above U+10FFFF", "F4 90 80 80", "\uFFFD\uFFFD\uFFFD\uFFFD"),
                Arguments.of("four-byte sequence missing its last byte", "F0 9F 98 21", "\uFFFD!"),
                Arguments.of("valid multi-byte text is unchanged", "C3 A9 E2 9C 93 F0 9F 98 80", "é✓😀"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUtf8")
    void illFormedUtf8BecomesReplacementCharacters(String name, String hex, String expected)
            throws InterruptedException {
        byte[] line = HexFormat.ofDelimiter(" ").parseHex(hex);
        byte[] input = DecoderFramingTest.concat(line, new byte[]{'\n'});

        DecoderFixture f = new DecoderFixture(DecoderOptions.defaults()).feed(input);

        assertThat(f.contents()).containsExactly(expected);
        assertThat(f.offsets()).containsExactly((long) input.length);
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void everyEncodingProducesValidUtf8FromRandomBytes(Encoding encoding) throws InterruptedException {
        java.util.Random random = new java.util.Random(42);
        byte[] input = new byte[20_000];
        random.nextBytes(input);

        DecoderFixture f = new DecoderFixture(DecoderOptions.defaults().withEncoding(encoding).withMaxMessageSize(512))
                .feedInChunks(input, 1000);
        f.decoder.flushAll();

        assertThat(f.messages).isNotEmpty().allSatisfy(m -> {
            byte[] content = m.content();
            assertThat(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(content)).toString())
                    .isEqualTo(m.contentAsString());
        });
        assertThat(f.offsets()).isSorted().last().isEqualTo((long) input.length);
        assertThat(IntStream.range(0, f.messages.size()).allMatch(i -> f.messages.get(i).content().length > 0))
                .isTrue();
    }
}
