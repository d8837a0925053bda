package dev.logsagent.logs.decoder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class AutoMultiLineTest {
    private static final DecoderOptions AUTO = DecoderOptions.defaults().withAutoMultiLine(true);
    private static final String NEXT = "2024-01-02T03:04:06Z INFO next entry\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "java_exc.txt        | ''",
            "nested_java_exc.txt | 2024-01-02 03:04:05,123 ERROR [main] sending mail failed",
            "python_exc.txt      | 2024-01-02 03:04:05,123 - app - ERROR - unhandled exception"})
    void stackTraceIsJoinedToTheTimestampedLineBeforeIt(String sample, String header) throws InterruptedException {
        String trace = (header.isEmpty() ? "" : header + "\n") + DecoderFixture.resourceText(sample);
        DecoderFixture f = new DecoderFixture(AUTO).feed(trace + NEXT);

        assertThat(f.contents()).containsExactly(joined(trace));
        assertThat(f.offsets()).containsExactly((long) utf8Length(trace));

        f.decoder.flushAll();
        assertThat(f.contents()).hasSize(2).last().isEqualTo(NEXT.strip());
    }

    @Test
    void javaSampleStartsWithAJavaUtilLoggingTimestamp() throws InterruptedException {
        DecoderFixture f = new DecoderFixture(AUTO).feed(DecoderFixture.resource("java_exc.txt"));
        f.decoder.flushAll();

        assertThat(f.contents()).singleElement().asString()
                .startsWith("Jul 09, 2015 3:23:29 PM com.google.devtools.search.cloud.feeder.MakeLog: ")
                .contains("\\n  at com.my.app.Object.do$a1(MakeLog.java:50)\\n")
                .endsWith("\\n  at com.jetty.Framework.main(MakeLog.java:30)");
    }

    @Test
    void nestedTraceKeepsCausedByAndMoreLinesInOneMessage() throws InterruptedException {
        String trace = "2024-01-02 03:04:05,123 ERROR failed\n" + DecoderFixture.resourceText("nested_java_exc.txt");
        DecoderFixture f = new DecoderFixture(AUTO).feed(trace);
        f.decoder.flushAll();

        assertThat(f.contents()).singleElement().asString()
                .contains("\\nCaused by: javax.mail.SendFailedException: Invalid Addresses;\\n")
                .contains("\\n\t... 12 more\\nCaused by: com.sun.mail.smtp.SMTPAddressFailedException");
    }

    @Test
    void linesBeforeTheFirstTimestampStandAlone() throws InterruptedException {
        String trace = DecoderFixture.resourceText("nested_java_exc.txt");
        DecoderFixture f = new DecoderFixture(AUTO).feed(trace);

        List<String> nonBlank = trace.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertThat(f.contents()).isEqualTo(nonBlank);
        assertThat(f.decoder.pendingBytes()).isZero();
    }

    @Test
    void jsonLinesAreNeverJoined() throws InterruptedException {
        String bunyan = DecoderFixture.resourceText("logfile_bunyan.0");
        DecoderFixture f = new DecoderFixture(AUTO).feed(bunyan);

        assertThat(f.contents()).hasSize(10).isEqualTo(bunyan.lines().map(String::strip).toList());
        assertThat(f.decoder.pendingBytes()).isZero();
    }

    @Test
    void jsonLineEndsTheGroupBeforeItAndFollowingLinesStandAlone() throws InterruptedException {
        String firstJson = DecoderFixture.resourceText("logfile_bunyan.0").lines().findFirst().orElseThrow();
        DecoderFixture f = new DecoderFixture(AUTO).feed("""
                2024-01-02 03:04:05 ERROR failed
                \tat a.B.c(B.java:1)
                %s
                \tat stray.Line(L.java:2)
                """.formatted(firstJson));

        assertThat(f.contents()).containsExactly("2024-01-02 03:04:05 ERROR failed\\n\tat a.B.c(B.java:1)",
                firstJson, "at stray.Line(L.java:2)");
    }

    @Test
    void singleLineLogWithTimestampsIsLeftAsIs() throws InterruptedException {
        String spring = DecoderFixture.resourceText("logfile_java.0");
        DecoderFixture f = new DecoderFixture(AUTO).feed(spring);
        f.decoder.flushAll();

        assertThat(f.contents()).hasSize(20).isEqualTo(spring.lines().map(String::strip).toList());
        assertThat(f.contents().get(6)).contains(": \t/objroot/iorroot/activators/activator-ts_one.ior");
    }

    @Test
    void pendingGroupIsEmittedAfterTheAggregationTimeout() throws InterruptedException {
        DecoderFixture f = new DecoderFixture(AUTO.withAggregationTimeout(Duration.ofMillis(250)))
                .feed("2024-01-02 03:04:05 ERROR failed\n\tat a.B.c(B.java:1)\n");
        f.advance(Duration.ofMillis(249));
        f.decoder.flushIfIdle();
        assertThat(f.messages).isEmpty();

        f.advance(Duration.ofMillis(1));
        f.decoder.flushIfIdle();

        assertThat(f.contents()).containsExactly("2024-01-02 03:04:05 ERROR failed\\n\tat a.B.c(B.java:1)");
    }

    @Test
    void multiLineRuleWinsOverAutoDetection() throws InterruptedException {
        DecoderOptions options = AUTO.withMultiLinePattern(com.google.re2j.Pattern.compile("START"));
        DecoderFixture f = new DecoderFixture(options).feed("START a\n2024-01-02 03:04:05 b\nSTART c\n");

        assertThat(f.contents()).containsExactly("START a\\n2024-01-02 03:04:05 b");
    }

    /** What auto multi-line makes of one group: lines right-trimmed, blank lines skipped, joined by {@code \n}. */
    private static String joined(String text) {
        return Arrays.stream(text.split("\n"))
                .map(String::stripTrailing)
                .filter(l -> !l.isEmpty())
                .collect(Collectors.joining("\\n"))
                .strip();
    }

    private static int utf8Length(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
