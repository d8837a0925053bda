package dev.logsagent.logs.decoder;

import dev.logsagent.logs.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DecoderFramingTest {

    static Stream<Arguments> framedInputs() {
        return Stream.of(
                Arguments.of("plain lines", "one\ntwo\n", List.of("one", "two"), List.of(4L, 8L)),
                Arguments.of("CRLF", "one\r\ntwo\r\n", List.of("one", "two"), List.of(5L, 10L)),
                Arguments.of("surrounding white space trimmed", "  one \t\n\ttwo  \r\n", List.of("one", "two"),
                        List.of(8L, 16L)),
                Arguments.of("empty and blank lines skipped", "\none\n\n \t \r\n\ntwo\n\n",
                        List.of("one", "two"), List.of(5L, 16L)),
                Arguments.of("inner white space kept", "a  b\tc\n", List.of("a  b\tc"), List.of(7L)),
                Arguments.of("CR alone is not a newline", "a\rb\n", List.of("a\rb"), List.of(4L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("framedInputs")
    void cutsLinesAndReportsTheOffsetAfterEachLine(String name, String input, List<String> contents,
                                                   List<Long> offsets) throws InterruptedException {
        DecoderFixture f = new DecoderFixture(DecoderOptions.defaults()).feed(input);

        assertThat(f.contents()).isEqualTo(contents);
        assertThat(f.offsets()).isEqualTo(offsets);
    }

    @Test
    void skippedBlankLinesAreCountedInTheNextMessagesRawSize() throws InterruptedException {
        DecoderFixture f = new DecoderFixture(DecoderOptions.defaults()).feed("one\n\n   \nthree  \n");

        assertThat(f.contents()).containsExactly("one", "three");
        assertThat(f.offsets()).containsExactly(4L, 17L);
        assertThat(f.rawSizes()).containsExactly(4, 13);
    }

    @Test
    void everyMessageCarriesTheOriginTagsAndDefaults() throws InterruptedException {
        DecoderFixture f = new DecoderFixture(DecoderOptions.defaults()).feed("hello\n");

        Message m = f.messages.getFirst();
        assertThat(m.origin().source()).isSameAs(f.source);
        assertThat(m.origin().identifier()).isEqualTo(DecoderFixture.IDENTIFIER);
        assertThat(m.tags()).isSameAs(DecoderFixture.TAGS);
        assertThat(m.status()).isEqualTo(Message.STATUS_INFO);
        assertThat(m.timestamp()).isZero();
        assertThat(m.truncated()).isFalse();
        assertThat(f.decodedCount()).isEqualTo(1);
    }

    @Test
    void offsetsStartAtTheGivenStartOffset() throws InterruptedException {
        DecoderFixture f = new DecoderFixture(DecoderOptions.defaults(), 1000).feed("ab\ncd\n");

        assertThat(f.offsets()).containsExactly(1003L, 1006L);
    }

    @Test
    void partialLineWaitsForItsNewlineAcrossCalls() throws InterruptedException {
        DecoderFixture f = new DecoderFixture(DecoderOptions.defaults()).feed("hel");
        assertThat(f.messages).isEmpty();
        assertThat(f.decoder.pendingBytes()).isEqualTo(3);

        f.feed("lo\nwor");
        assertThat(f.contents()).containsExactly("hello");
        assertThat(f.decoder.pendingBytes()).isEqualTo(3);

        f.feed("ld\n");
        assertThat(f.contents()).containsExactly("hello", "world");
        assertThat(f.offsets()).containsExactly(6L, 12L);
        assertThat(f.decoder.pendingBytes()).isZero();
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 5, 7, 8, 9, 16, 64})
    void anySplitOfTheInputGivesTheSameMessages(int chunk) throws InterruptedException {
        String input = "first line\r\n\n  second\t line  \nthird line that is a bit longer than eight bytes\nx\n";
        DecoderFixture whole = new DecoderFixture(DecoderOptions.defaults()).feed(input);

        DecoderFixture split = new DecoderFixture(DecoderOptions.defaults())
                .feedInChunks(input.getBytes(StandardCharsets.UTF_8), chunk);

        assertThat(split.contents()).isEqualTo(whole.contents())
                .containsExactly("first line", "second\t line", "third line that is a bit longer than eight bytes",
                        "x");
        assertThat(split.offsets()).isEqualTo(whole.offsets());
    }

    @Test
    void lastLineWithoutNewlineIsEmittedOnlyWhenTheInputEnds() throws InterruptedException {
        DecoderFixture f = new DecoderFixture(DecoderOptions.defaults()).feed("a\nb");
        f.decoder.flushIfIdle();
        assertThat(f.contents()).containsExactly("a");

        f.decoder.flushAll();

        assertThat(f.contents()).containsExactly("a", "b");
        assertThat(f.offsets()).containsExactly(2L, 3L);
        assertThat(f.decoder.pendingBytes()).isZero();
    }

    @Test
    void byteOrderMarkAtTheStartOfTheInputIsDropped() throws InterruptedException {
        byte[] input = concat(Utf8.BOM, "first\nsecond\n".getBytes(StandardCharsets.UTF_8));

        DecoderFixture f = new DecoderFixture(DecoderOptions.defaults()).feed(input);

        assertThat(f.contents()).containsExactly("first", "second");
        assertThat(f.offsets()).containsExactly(9L, 16L);
    }

    @Test
    void byteOrderMarkIsKeptWhenReadingResumesInsideTheInput() throws InterruptedException {
        byte[] input = concat(Utf8.BOM, "x\n".getBytes(StandardCharsets.UTF_8));

        DecoderFixture f = new DecoderFixture(DecoderOptions.defaults(), 50).feed(input);

        assertThat(f.contents()).containsExactly("\uFEFFx");
    }

    @Test
    void rawSizesAddUpToTheInputAndOffsetsNeverGoBack() throws InterruptedException {
        StringBuilder input = new StringBuilder();
        IntStream.range(0, 500).forEach(i -> input.append(i % 7 == 0 ? "\n" : "line " + i + " é\r\n"));
        byte[] bytes = input.append("end\n").toString().getBytes(StandardCharsets.UTF_8);

        DecoderFixture f = new DecoderFixture(DecoderOptions.defaults()).feedInChunks(bytes, 333);

        assertThat(f.rawSizes().stream().mapToLong(Integer::longValue).sum()).isEqualTo(bytes.length);
        assertThat(f.offsets()).isSorted().last().isEqualTo((long) bytes.length);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
