package dev.logsagent.logs.decoder;

import dev.logsagent.logs.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DockerJsonParserTest {
    private static final DecoderOptions DOCKER = DecoderOptions.defaults().withParser(LineParserKind.DOCKER_JSON);
    private static final String TIME = "2024-01-02T03:04:05.123456789Z";

    @Test
    void realJsonFileIsUnwrappedAndItsCorruptedLinePassedOnAsIs() throws InterruptedException {
        byte[] file = DecoderFixture.resource("jsonfile_beats_docker_corrupted.log");
        List<String> lines = new String(file, StandardCharsets.UTF_8).lines().toList();

        DecoderFixture f = new DecoderFixture(DOCKER).feedInChunks(file, 100);

        assertThat(f.messages).hasSize(21);
        assertThat(f.contents().getFirst()).isEqualTo("Fetching main repository github.com/elastic/beats...");
        assertThat(f.contents().get(11)).isEqualTo("sed -i.bk 's/device: any/device: en0/' /build/packetbeat-darwin.yml");
        assertThat(f.contents().get(6)).isEqualTo(lines.get(6)).startsWith("\"log\":\"cp packetbeat.yml");
        assertThat(f.messages.get(6).timestamp()).isZero();
        assertThat(f.messages.getFirst().timestamp())
                .isEqualTo(Instant.parse("2016-03-02T22:58:51.338462311Z").toEpochMilli());
        assertThat(f.messages).extracting(Message::status).containsOnly(Message.STATUS_INFO);
        long end = 0;
        for (int i = 0; i < lines.size(); i++) {
            end += lines.get(i).length() + 1;
            assertThat(f.offsets().get(i)).as("offset of line %d", i + 1).isEqualTo(end);
        }
    }

    @Test
    void lineSplitAt16KiBIsJoinedBackWithItsRawSize() throws InterruptedException {
        String head = "a".repeat(16 * 1024);
        String first = record(head, "stdout");
        String second = record("bbb\\n", "stdout");

        DecoderFixture f = new DecoderFixture(DOCKER).feed(first + second);

        assertThat(f.contents()).containsExactly(head + "bbb");
        assertThat(f.offsets()).containsExactly((long) (first.length() + second.length()));
        assertThat(f.rawSizes()).containsExactly(first.length() + second.length());
    }

    @Test
    void partialWaitsAcrossCallsAndCountsAsPending() throws InterruptedException {
        String first = record("part one, ", "stdout");
        DecoderFixture f = new DecoderFixture(DOCKER).feed(first);
        assertThat(f.messages).isEmpty();
        assertThat(f.decoder.pendingBytes()).isEqualTo(first.length());

        f.feed(record("part two\\n", "stdout"));

        assertThat(f.contents()).containsExactly("part one, part two");
        assertThat(f.decoder.pendingBytes()).isZero();
    }

    @Test
    void stdoutAndStderrPiecesAreNeverJoinedAndOffsetsWaitForTheOlderPiece() throws InterruptedException {
        String outPiece = record("out-1 ", "stdout");
        String errLine = record("err line\\n", "stderr");
        String outEnd = record("out-2\\n", "stdout");

        DecoderFixture f = new DecoderFixture(DOCKER).feed(outPiece + errLine + outEnd);

        assertThat(f.contents()).containsExactly("err line", "out-1 out-2");
        assertThat(f.messages).extracting(Message::status).containsExactly(Message.STATUS_ERROR, Message.STATUS_INFO);
        assertThat(f.offsets()).containsExactly(0L, (long) (outPiece + errLine + outEnd).length());
    }

    @Test
    void escapesAreDecodedToUtf8() throws InterruptedException {
        String line = record("tab\\there \\\"q\\\" \\\\ \\/ \\u00e9 \\ud83d\\ude00 \\u003cb\\u003e \\ud800x\\r\\n", "stderr");

        DecoderFixture f = new DecoderFixture(DOCKER).feed(line);

        assertThat(f.contents()).containsExactly("tab\there \"q\" \\ / é 😀 <b> \uFFFDx");
        Message m = f.messages.getFirst();
        assertThat(m.status()).isEqualTo(Message.STATUS_ERROR);
        assertThat(m.timestamp()).isEqualTo(Instant.parse(TIME).toEpochMilli());
    }

    @Test
    void otherKeysAndKeyOrderDoNotMatter() throws InterruptedException {
        String line = "{ \"attrs\": {\"tag\": \"a}b\", \"n\": [1, {\"x\": null}]}, \"time\": \"" + TIME
                + "\", \"stream\": \"stderr\", \"extra\": 1.5e3, \"ok\": true, \"log\": \"hello\\n\" }\n";

        DecoderFixture f = new DecoderFixture(DOCKER).feed(line);

        assertThat(f.contents()).containsExactly("hello");
        assertThat(f.messages.getFirst().status()).isEqualTo(Message.STATUS_ERROR);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "plain text line",
            "{\"stream\":\"stdout\",\"time\":\"2024-01-02T03:04:05Z\"}",
            "{\"log\":\"unterminated}",
            "{\"log\":\"bad escape \\q\\n\"}",
            "{\"log\":\"x\\n\"} trailing",
            "{\"log\":42}",
            "{}"})
    void lineThatIsNotADockerRecordIsPassedOnAsIs(String line) throws InterruptedException {
        DecoderFixture f = new DecoderFixture(DOCKER).feed(line + "\n");

        assertThat(f.contents()).containsExactly(line);
        assertThat(f.messages.getFirst().status()).isEqualTo(Message.STATUS_INFO);
    }

    @Test
    void joinedPiecesPastTheLimitAreCutWithMarkers() throws InterruptedException {
        DecoderOptions options = DOCKER.withMaxMessageSize(100);
        String a = record("A".repeat(60), "stdout");
        String b = record("B".repeat(60), "stdout");
        String c = record("C\\n", "stdout");

        DecoderFixture f = new DecoderFixture(options).feed(a + b + c);

        assertThat(f.contents()).containsExactly("A".repeat(60) + "B".repeat(40) + "...TRUNCATED...",
                "...TRUNCATED..." + "B".repeat(20) + "C");
        assertThat(f.offsets()).containsExactly((long) a.length(), (long) (a + b + c).length());
        assertThat(f.rawSizes()).containsExactly(a.length(), (b + c).length());
        assertThat(f.truncatedCount()).isEqualTo(2);
    }

    @Test
    void singleRecordLongerThanTheLimitIsCutAndItsPartsPointAtTheRecordStart() throws InterruptedException {
        String before = record("before\\n", "stdout");
        String longRecord = record("é".repeat(30) + "\\n", "stdout");

        DecoderFixture f = new DecoderFixture(DOCKER.withMaxMessageSize(25)).feed(before + longRecord);

        assertThat(f.contents()).containsExactly("before", "é".repeat(12) + "...TRUNCATED...",
                "...TRUNCATED..." + "é".repeat(12) + "...TRUNCATED...", "...TRUNCATED..." + "é".repeat(6));
        int recordBytes = longRecord.getBytes(StandardCharsets.UTF_8).length;
        assertThat(f.offsets()).containsExactly((long) before.length(), (long) before.length(),
                (long) before.length(), (long) before.length() + recordBytes);
        assertThat(f.rawSizes()).containsExactly(before.length(), 0, 0, recordBytes);
    }

    @Test
    void lastPieceWithoutNewlineIsEmittedAfterTheAggregationTimeout() throws InterruptedException {
        DecoderFixture f = new DecoderFixture(DOCKER).feed(record("container exited without newline", "stdout"));
        f.advance(Duration.ofMillis(999));
        f.decoder.flushIfIdle();
        assertThat(f.messages).isEmpty();

        f.advance(Duration.ofMillis(1));
        f.decoder.flushIfIdle();

        assertThat(f.contents()).containsExactly("container exited without newline");
    }

    @Test
    void autoMultiLineJoinsUnwrappedLines() throws InterruptedException {
        DecoderFixture f = new DecoderFixture(DOCKER.withAutoMultiLine(true)).feed(
                record("2024-01-02 03:04:05 ERROR failed\\n", "stderr")
                        + record("\\tat a.B.c(B.java:1)\\n", "stderr"));
        f.decoder.flushAll();

        assertThat(f.contents()).containsExactly("2024-01-02 03:04:05 ERROR failed\\n\tat a.B.c(B.java:1)");
        assertThat(f.messages.getFirst().status()).isEqualTo(Message.STATUS_ERROR);
    }

    private static String record(String escapedLog, String stream) {
        return "{\"log\":\"" + escapedLog + "\",\"stream\":\"" + stream + "\",\"time\":\"" + TIME + "\"}\n";
    }
}
