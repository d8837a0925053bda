package dev.logsagent.logs.decoder;

import com.google.re2j.Pattern;
import dev.logsagent.logs.message.Message;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MultiLineRuleTest {
    private static final DecoderOptions RULE = DecoderOptions.defaults()
            .withMultiLinePattern(Pattern.compile("\\d{4}-\\d{2}-\\d{2}"));
    private static final String TRACE = """
            2024-01-02 03:04:05 ERROR request failed
            java.lang.IllegalStateException: boom
            \tat com.example.Service.handle(Service.java:42)
            \tat com.example.Server.run(Server.java:7)
            Caused by: java.io.IOException: closed
            \t... 12 more
            2024-01-02 03:04:06 INFO next request
            """;

    @Test
    void javaStackTraceIsJoinedIntoTheMessageItFollows() throws InterruptedException {
        DecoderFixture f = new DecoderFixture(RULE).feed(TRACE);

        assertThat(f.contents()).containsExactly("2024-01-02 03:04:05 ERROR request failed"
                + "\\njava.lang.IllegalStateException: boom"
                + "\\n\tat com.example.Service.handle(Service.java:42)"
                + "\\n\tat com.example.Server.run(Server.java:7)"
                + "\\nCaused by: java.io.IOException: closed"
                + "\\n\t... 12 more");
        long endOfTrace = TRACE.indexOf("2024-01-02 03:04:06");
        assertThat(f.offsets()).containsExactly(endOfTrace);
        assertThat(f.rawSizes()).containsExactly((int) endOfTrace);
        assertThat(f.decoder.pendingBytes()).isEqualTo(TRACE.length() - endOfTrace);
    }

    @Test
    void lastGroupIsEmittedAfterTheAggregationTimeoutWithoutANewLine() throws InterruptedException {
        DecoderFixture f = new DecoderFixture(RULE).feed(TRACE);

        f.advance(Duration.ofMillis(999));
        f.decoder.flushIfIdle();
        assertThat(f.messages).hasSize(1);

        f.advance(Duration.ofMillis(1));
        f.decoder.flushIfIdle();
        assertThat(f.contents()).hasSize(2).last().isEqualTo("2024-01-02 03:04:06 INFO next request");
        assertThat(f.offsets().getLast()).isEqualTo(TRACE.length());
        assertThat(f.decoder.pendingBytes()).isZero();
    }

    @Test
    void eachNewLineRestartsTheAggregationTimeout() throws InterruptedException {
        DecoderFixture f = new DecoderFixture(RULE).feed("2024-01-02 03:04:05 ERROR failed\n");
        f.advance(Duration.ofMillis(600));
        f.feed("\tat a.B.c(B.java:1)\n");
        f.advance(Duration.ofMillis(600));
        f.decoder.flushIfIdle();
        assertThat(f.messages).isEmpty();

        f.advance(Duration.ofMillis(400));
        f.decoder.flushIfIdle();

        assertThat(f.contents()).containsExactly("2024-01-02 03:04:05 ERROR failed\\n\tat a.B.c(B.java:1)");
    }

    @Test
    void groupThatWouldPassTheLimitIsCutWithMarkers() throws InterruptedException {
        DecoderFixture f = new DecoderFixture(RULE.withMaxMessageSize(60)).feed("""
                2024-01-02 03:04:05 ERROR failed
                \tat a.B.c(B.java:1)
                \tat a.B.d(B.java:2)
                \tat a.B.e(B.java:3)
                2024-01-02 03:04:06 INFO next
                """);
        f.decoder.flushAll();

        assertThat(f.contents()).containsExactly(
                "2024-01-02 03:04:05 ERROR failed\\n\tat a.B.c(B.java:1)...TRUNCATED...",
                "...TRUNCATED...at a.B.d(B.java:2)\\n\tat a.B.e(B.java:3)",
                "2024-01-02 03:04:06 INFO next");
        assertThat(f.messages).extracting(Message::truncated).containsExactly(true, true, false);
        assertThat(f.truncatedCount()).isEqualTo(2);
        assertThat(f.decodedCount()).isEqualTo(3);
    }

    @Test
    void linesBeforeTheFirstMatchFormAGroupOfTheirOwn() throws InterruptedException {
        DecoderFixture f = new DecoderFixture(RULE).feed("""
                leftover line
                \tat x.Y.z(Y.java:3)
                2024-01-02 03:04:05 INFO start
                """);
        f.decoder.flushAll();

        assertThat(f.contents()).containsExactly("leftover line\\n\tat x.Y.z(Y.java:3)",
                "2024-01-02 03:04:05 INFO start");
    }

    @Test
    void patternIsAnchoredAtTheLineStart() throws InterruptedException {
        DecoderFixture f = new DecoderFixture(RULE).feed("""
                2024-01-02 03:04:05 first
                seen at 2024-01-02 in the middle
                """);
        f.decoder.flushAll();

        assertThat(f.contents()).containsExactly("2024-01-02 03:04:05 first\\nseen at 2024-01-02 in the middle");
    }

    @Test
    void nonAsciiLinesAreMatchedToo() throws InterruptedException {
        DecoderOptions options = DecoderOptions.defaults().withMultiLinePattern(Pattern.compile("Ошибка"));
        DecoderFixture f = new DecoderFixture(options).feed("Ошибка: нет файла\n  détail\nОшибка: снова\n");
        f.decoder.flushAll();

        assertThat(f.contents()).containsExactly("Ошибка: нет файла\\n  détail", "Ошибка: снова");
    }

    @Test
    void blankLinesInsideAGroupAreSkippedAndCoveredByItsOffset() throws InterruptedException {
        String input = "2024-01-02 03:04:05 a\n\n  b\n2024-01-02 03:04:06 c\n";
        DecoderFixture f = new DecoderFixture(RULE).feed(input);

        assertThat(f.contents()).containsExactly("2024-01-02 03:04:05 a\\n  b");
        assertThat(f.offsets()).containsExactly((long) input.indexOf("2024-01-02 03:04:06"));
        assertThat(f.rawSizes()).containsExactly(input.indexOf("2024-01-02 03:04:06"));
    }

    @Test
    void lineCutAtTheLimitEndsItsGroupAndItsRestStartsTheNext() throws InterruptedException {
        byte[] input = "2024-01-02 x\n  0123456789012345678901234567890123456789\n  tail\n"
                .getBytes(StandardCharsets.US_ASCII);

        DecoderFixture f = new DecoderFixture(RULE.withMaxMessageSize(30)).feed(input);
        f.decoder.flushAll();

        assertThat(f.contents()).containsExactly(
                "2024-01-02 x...TRUNCATED...",
                "...TRUNCATED...0123456789012345678901234567...TRUNCATED...",
                "...TRUNCATED...890123456789\\n  tail");
        assertThat(f.offsets()).isSorted().last().isEqualTo((long) input.length);
    }
}
