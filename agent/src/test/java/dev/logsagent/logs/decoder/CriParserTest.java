package dev.logsagent.logs.decoder;

import dev.logsagent.logs.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CriParserTest {
    private static final DecoderOptions CRI = DecoderOptions.defaults().withParser(LineParserKind.CRI);
    private static final String TIME = "2024-01-02T03:04:05.123456789Z";

    @Test
    void realContainerdLogIsUnwrappedWithStatusAndTimestamp() throws InterruptedException {
        byte[] file = DecoderFixture.resource("cri_containerd_java_stacktrace.log");
        List<String> lines = new String(file, StandardCharsets.UTF_8).lines().toList();

        DecoderFixture f = new DecoderFixture(CRI).feedInChunks(file, 256);

        assertThat(f.messages).hasSize(lines.size());
        assertThat(f.contents().getFirst()).isEqualTo("hdfsExists: invokeMethod((Lorg/apache/hadoop/fs/Path;)Z) error:");
        assertThat(f.contents().get(2)).isEqualTo("at org.apache.hadoop.ipc.Client.call(Client.java:1475)");
        assertThat(f.messages).extracting(Message::status).containsOnly(Message.STATUS_ERROR);
        assertThat(f.messages.getFirst().timestamp())
                .isEqualTo(Instant.parse("2020-08-19T21:06:24.337499838Z").toEpochMilli());
        assertThat(f.offsets().getLast()).isEqualTo(file.length);
    }

    @Test
    void realContainerdStackTraceIsJoinedWithAMultiLineRule() throws InterruptedException {
        byte[] file = DecoderFixture.resource("cri_containerd_java_stacktrace.log");
        DecoderOptions options = CRI.withMultiLinePattern(com.google.re2j.Pattern.compile("hdfsExists"));

        DecoderFixture f = new DecoderFixture(options).feed(file);
        f.decoder.flushAll();

        assertThat(f.contents()).singleElement().asString()
                .startsWith("hdfsExists: invokeMethod((Lorg/apache/hadoop/fs/Path;)Z) error:\\norg.apache.hadoop.ipc")
                .contains("\\n\tat org.apache.hadoop.ipc.Client.call(Client.java:1475)\\n");
        assertThat(f.offsets()).containsExactly((long) file.length);
    }

    @Test
    void partialsAreJoinedPerStreamAndNeverAcrossStreams() throws InterruptedException {
        String outPiece = TIME + " stdout P hello \n";
        String errLine = TIME + " stderr F oops\n";
        String outEnd = TIME + " stdout F world\n";

        DecoderFixture f = new DecoderFixture(CRI).feed(outPiece + errLine + outEnd);

        assertThat(f.contents()).containsExactly("oops", "hello world");
        assertThat(f.messages).extracting(Message::status).containsExactly(Message.STATUS_ERROR, Message.STATUS_INFO);
        assertThat(f.offsets()).containsExactly(0L, (long) (outPiece + errLine + outEnd).length());
        assertThat(f.messages.getLast().timestamp()).isEqualTo(Instant.parse(TIME).toEpochMilli());
    }

    @Test
    void tagsAfterTheFlagAreAccepted() throws InterruptedException {
        DecoderFixture f = new DecoderFixture(CRI).feed(TIME + " stdout F:x message\n");

        assertThat(f.contents()).containsExactly("message");
    }

    @Test
    void emptyRecordIsSkippedAndItsBytesCoveredByTheNextMessage() throws InterruptedException {
        String empty = TIME + " stdout F \n";
        String next = TIME + " stdout F next\n";

        DecoderFixture f = new DecoderFixture(CRI).feed(empty + next);

        assertThat(f.contents()).containsExactly("next");
        assertThat(f.rawSizes()).containsExactly((empty + next).length());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not a cri line",
            "2024-01-02T03:04:05Z stdout X bad flag",
            "2024-01-02T03:04:05Z stdin F wrong stream",
            "yesterday stdout F bad time",
            "2024-01-02T03:04:05Z stdout"})
    void lineThatIsNotACriRecordIsPassedOnAsIs(String line) throws InterruptedException {
        DecoderFixture f = new DecoderFixture(CRI).feed(line + "\n");

        assertThat(f.contents()).containsExactly(line);
        assertThat(f.messages.getFirst().status()).isEqualTo(Message.STATUS_INFO);
        assertThat(f.messages.getFirst().timestamp()).isZero();
    }
}
