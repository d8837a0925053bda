package dev.logsagent.logs.decoder;

import dev.logsagent.config.Encoding;
import dev.logsagent.logs.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class DecoderTruncationTest {
    private static final String T = "...TRUNCATED...";
    private static final DecoderOptions MAX_10 = DecoderOptions.defaults().withMaxMessageSize(10);

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 3, 7, 10, 11, 64})
    void lineOfThreeTimesTheLimitIsCutIntoThreeMarkedPieces(int chunk) throws InterruptedException {
        byte[] input = "0123456789ABCDEFGHIJabcdefghij\nnext\n".getBytes(StandardCharsets.US_ASCII);

        DecoderFixture f = new DecoderFixture(MAX_10).feedInChunks(input, chunk);

        assertThat(f.contents()).containsExactly(
                "0123456789" + T, T + "ABCDEFGHIJ" + T, T + "abcdefghij", "next");
        assertThat(f.messages).extracting(Message::truncated).containsExactly(true, true, true, false);
        assertThat(f.offsets()).containsExactly(10L, 20L, 31L, 36L);
        assertThat(f.rawSizes()).containsExactly(10, 10, 11, 5);
        assertThat(f.truncatedCount()).isEqualTo(3);
        assertThat(f.decodedCount()).isEqualTo(4);
    }

    @Test
    void lineOfExactlyTheLimitIsNotCut() throws InterruptedException {
        DecoderFixture f = new DecoderFixture(MAX_10).feed("0123456789");
        assertThat(f.messages).isEmpty();

        f.feed("\n");

        assertThat(f.contents()).containsExactly("0123456789");
        assertThat(f.truncatedCount()).isZero();
    }

    @Test
    void lineOneByteOverTheLimitLeavesAOneBytePiece() throws InterruptedException {
        DecoderFixture f = new DecoderFixture(MAX_10).feed("0123456789X\n");

        assertThat(f.contents()).containsExactly("0123456789" + T, T + "X");
        assertThat(f.truncatedCount()).isEqualTo(2);
    }

    @Test
    void cutNeverSplitsAUtf8Character() throws InterruptedException {
        DecoderFixture f = new DecoderFixture(MAX_10).feed("aaaaaaaaaébbbb\n");

        assertThat(f.contents()).containsExactly("aaaaaaaaa" + T, T + "ébbbb");
        assertThat(f.offsets()).containsExactly(9L, 16L);
    }

    @Test
    void cutNeverSplitsAUtf16SurrogatePair() throws InterruptedException {
        byte[] input = "abcd😀ef\n".getBytes(StandardCharsets.UTF_16LE);

        DecoderFixture f = new DecoderFixture(MAX_10.withEncoding(Encoding.UTF_16_LE)).feed(input);

        assertThat(f.contents()).containsExactly("abcd" + T, T + "😀ef");
        assertThat(f.offsets()).containsExactly(8L, (long) input.length);
    }

    @Test
    void cutNeverSplitsAShiftJisCharacter() throws InterruptedException {
        byte[] input = "abcde日本語\n".getBytes(java.nio.charset.Charset.forName("Shift_JIS"));

        DecoderFixture f = new DecoderFixture(DecoderOptions.defaults().withMaxMessageSize(6)
                .withEncoding(Encoding.SHIFT_JIS)).feed(input);

        assertThat(f.contents()).containsExactly("abcde" + T, T + "日本語");
    }

    @Test
    void hugeLineIsStreamedInPiecesWithBoundedMemory() throws InterruptedException {
        int limit = 1000;
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        DecoderFixture f = new DecoderFixture(DecoderOptions.defaults().withMaxMessageSize(limit));

        int total = 0;
        for (int i = 0; i < 160; i++) {
            f.feed(chunk);
            total += chunk.length;
            assertThat(f.decoder.pendingBytes()).isLessThanOrEqualTo(limit);
        }
        f.feed("\n");

        assertThat(f.messages).hasSize((total + limit - 1) / limit)
                .allSatisfy(m -> assertThat(m.content().length).isLessThanOrEqualTo(limit + 2 * T.length()))
                .allSatisfy(m -> assertThat(m.truncated()).isTrue());
        assertThat(f.offsets().getLast()).isEqualTo(total + 1L);
        assertThat(f.truncatedCount()).isEqualTo(f.messages.size());
    }

    @Test
    void cutLineEndingInBlanksKeepsItsMarkers() throws InterruptedException {
        DecoderFixture f = new DecoderFixture(MAX_10).feed("0123456789       \n");

        assertThat(f.contents()).containsExactly("0123456789" + T, T);
        assertThat(f.offsets()).containsExactly(10L, 18L);
    }
}
