package dev.logsagent.logs.syslog;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyslogFramerTest {

    private record Frame(String text, boolean truncated) {
        static Frame whole(String text) {
            return new Frame(text, false);
        }

        static Frame cut(String text) {
            return new Frame(text, true);
        }
    }

    /** Collects frames, copying them out since the framer's bytes are only valid during the call. */
    private static final class Collector implements FrameSink {
        final List<Frame> frames = new ArrayList<>();
        final List<byte[]> bytes = new ArrayList<>();

        @Override
        public void frame(byte[] buf, int off, int len, boolean truncated) {
            byte[] copy = Arrays.copyOfRange(buf, off, off + len);
            bytes.add(copy);
            frames.add(new Frame(new String(copy, StandardCharsets.UTF_8), truncated));
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SyslogFramerTest.class.getResourceAsStream("/syslog/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Feeds {@code stream} cut at {@code cuts}, then ends the connection. */
    private static List<Frame> frames(SyslogFramer framer, byte[] stream, int... cuts) {
        Collector collector = new Collector();
        int from = 0;
        for (int cut : cuts) {
            framer.feed(stream, from, cut - from, collector);
            from = cut;
        }
        framer.feed(stream, from, stream.length - from, collector);
        framer.finish(collector);
        return collector.frames;
    }

    private static List<Frame> byteByByte(SyslogFramer framer, byte[] stream) {
        Collector collector = new Collector();
        for (int i = 0; i < stream.length; i++) {
            framer.feed(stream, i, 1, collector);
        }
        framer.finish(collector);
        return collector.frames;
    }

    @Test
    void loggerOctetCountedStreamSplitAtEveryPosition() throws IOException {
        byte[] stream = resource("logger_tcp_octet_counting.bin");
        List<Frame> whole = frames(new SyslogFramer(4096), stream);

        assertThat(whole).as("the lengths logger wrote").extracting(frame -> utf8(frame.text()).length)
                .containsExactly(102, 106, 97);
        SyslogParser parser = new SyslogParser(Clock.fixed(Instant.parse("2026-11-26T02:00:00Z"), ZoneOffset.UTC));
        assertThat(whole).extracting(frame -> {
            byte[] bytes = utf8(frame.text());
            return parser.parse(bytes, 0, bytes.length).message();
        }).containsExactly("first line", "second line ü", "third");
        assertThat(whole).noneMatch(Frame::truncated);

        for (int cut = 0; cut <= stream.length; cut++) {
            assertThat(frames(new SyslogFramer(4096), stream, cut)).as("cut at %d", cut).isEqualTo(whole);
        }
        assertThat(byteByByte(new SyslogFramer(4096), stream)).isEqualTo(whole);
        SyslogFramer framer = new SyslogFramer(4096);
        Collector collector = new Collector();
        framer.feed(stream, 0, stream.length, collector);
        assertThat(framer.framing()).isEqualTo(SyslogFraming.OCTET_COUNTING);
        assertThat(collector.frames).as("complete frames need no finish").isEqualTo(whole);
    }

    @Test
    void detectsOctetCountingFromTheFirstDigit() {
        SyslogFramer framer = new SyslogFramer(100);
        Collector collector = new Collector();
        byte[] stream = utf8("5 <13>a5 <13>b");
        assertThat(framer.framing()).isEqualTo(SyslogFraming.UNDETECTED);

        framer.feed(stream, 0, stream.length, collector);

        assertThat(framer.framing()).isEqualTo(SyslogFraming.OCTET_COUNTING);
        assertThat(collector.frames).containsExactly(Frame.whole("<13>a"), Frame.whole("<13>b"));
    }

    @Test
    void loggerNewlineStreamSplitAtEveryPosition() throws IOException {
        byte[] stream = resource("logger_tcp_newline_rfc3164.bin");
        List<Frame> expected = List.of(new String(stream, StandardCharsets.UTF_8).split("\n")).stream()
                .map(Frame::whole).toList();

        assertThat(expected).hasSize(3).extracting(Frame::text).allMatch(text -> text.startsWith("<13>Nov 26 "));
        for (int cut = 0; cut <= stream.length; cut++) {
            assertThat(frames(new SyslogFramer(4096), stream, cut)).as("cut at %d", cut).isEqualTo(expected);
        }
        assertThat(byteByByte(new SyslogFramer(4096), stream)).isEqualTo(expected);
        SyslogFramer framer = new SyslogFramer(4096);
        Collector collector = new Collector();
        framer.feed(stream, 0, stream.length, collector);
        assertThat(framer.framing()).isEqualTo(SyslogFraming.NON_TRANSPARENT);
        assertThat(collector.frames).as("complete lines need no finish").isEqualTo(expected);
    }

    @Test
    void mixedLineEndingsAndBlankLines() {
        byte[] stream = utf8("\r\n<13>a\r\n<13>b\n<13>c\r\n\r\n\n<13>d");

        List<Frame> expected = List.of(Frame.whole("<13>a"), Frame.whole("<13>b"), Frame.whole("<13>c"),
                Frame.whole("<13>d"));
        for (int cut = 0; cut <= stream.length; cut++) {
            assertThat(frames(new SyslogFramer(100), stream, cut)).as("cut at %d", cut).isEqualTo(expected);
        }
    }

    @Test
    void oversizeLineIsCutIntoFlaggedPieces() {
        byte[] stream = utf8("<13>0123456789abcdef\n<13>0123456\n<13>ok\n");

        List<Frame> expected = List.of(Frame.cut("<13>012345"), Frame.cut("6789abcdef"), Frame.cut("<13>012345"),
                Frame.cut("6"), Frame.whole("<13>ok"));
        assertThat(frames(new SyslogFramer(10), stream)).isEqualTo(expected);
        assertThat(byteByByte(new SyslogFramer(10), stream)).isEqualTo(expected);
    }

    @Test
    void frameFittingOnceItsTerminatorIsTrimmedIsNotCut() {
        byte[] lines = utf8("<13>456789\r\n<13>abcdef\n");
        byte[] counted = utf8("12 <13>456789\r\n11 <13>abcdef\n");
        List<Frame> expected = List.of(Frame.whole("<13>456789"), Frame.whole("<13>abcdef"));

        for (byte[] stream : List.of(lines, counted)) {
            for (int cut = 0; cut <= stream.length; cut++) {
                assertThat(frames(new SyslogFramer(10), stream, cut)).as("cut at %d", cut).isEqualTo(expected);
            }
            assertThat(byteByByte(new SyslogFramer(10), stream)).isEqualTo(expected);
        }
    }

    @Test
    void carriageReturnsInsideAnOversizeLineAreKept() {
        assertThat(byteByByte(new SyslogFramer(4), utf8("<13>\r\rab\n"))).containsExactly(
                Frame.cut("<13>"), Frame.cut("\r\rab"));
        assertThat(byteByByte(new SyslogFramer(4), utf8("<13>\r\r\rab\n"))).containsExactly(
                Frame.cut("<13>"), Frame.cut("\r\r\ra"), Frame.cut("b"));
    }

    @Test
    void oversizeOctetCountedFrameIsCutAndStaysInSync() {
        byte[] stream = utf8("12 <13>abcdefgh5 <13>x");
        List<Frame> expected = List.of(Frame.cut("<13>abcd"), Frame.cut("efgh"), Frame.whole("<13>x"));

        for (int cut = 0; cut <= stream.length; cut++) {
            Collector collector = new Collector();
            SyslogFramer framer = new SyslogFramer(8);
            framer.feed(stream, 0, cut, collector);
            framer.feed(stream, cut, stream.length - cut, collector);
            framer.finish(collector);
            assertThat(collector.frames).as("cut at %d", cut).isEqualTo(expected);
            assertThat(collector.bytes).allMatch(frame -> frame.length <= 8);
        }
    }

    @Test
    void garbagePrefixFallsBackToNewlinesKeepingEveryByte() {
        SyslogFramer framer = new SyslogFramer(100);
        Collector collector = new Collector();
        byte[] stream = utf8("12x<13>hello\n<13>world\n");

        framer.feed(stream, 0, stream.length, collector);

        assertThat(framer.framing()).isEqualTo(SyslogFraming.NON_TRANSPARENT);
        assertThat(collector.frames).containsExactly(Frame.whole("12x<13>hello"), Frame.whole("<13>world"));
        assertThat(frames(new SyslogFramer(100), utf8("007 <13>a\n"))).containsExactly(Frame.whole("007 <13>a"));
        assertThat(frames(new SyslogFramer(100), utf8("1234567890 <13>a\n")))
                .as("more than 9 length digits").containsExactly(Frame.whole("1234567890 <13>a"));
        assertThat(frames(new SyslogFramer(100), utf8("12\n<13>a\n")))
                .containsExactly(Frame.whole("12"), Frame.whole("<13>a"));
    }

    @Test
    void invalidPrefixAfterValidFramesFallsBackForTheRestOfTheConnection() {
        byte[] stream = utf8("5 <13>a<13>b\n7 <13>c\n");

        for (int cut = 0; cut <= stream.length; cut++) {
            assertThat(frames(new SyslogFramer(100), stream, cut)).as("cut at %d", cut).containsExactly(
                    Frame.whole("<13>a"), Frame.whole("<13>b"), Frame.whole("7 <13>c"));
        }
    }

    @Test
    void newlinesBetweenOctetCountedFramesAreTolerated() {
        SyslogFramer framer = new SyslogFramer(100);

        assertThat(frames(framer, utf8("6 <13>a\n5 <13>b\r\n7 <13>c\r\n"))).containsExactly(
                Frame.whole("<13>a"), Frame.whole("<13>b"), Frame.whole("<13>c"));
    }

    @Test
    void connectionEndingInsideAFrameFlushesIt() {
        assertThat(frames(new SyslogFramer(100), utf8("10 <13>abc"))).containsExactly(Frame.cut("<13>abc"));
        assertThat(frames(new SyslogFramer(100), utf8("5 <13>a12"))).containsExactly(
                Frame.whole("<13>a"), Frame.whole("12"));
        assertThat(frames(new SyslogFramer(100), utf8("<13>last line"))).containsExactly(
                Frame.whole("<13>last line"));
    }

    @Test
    void framerStartsOverAfterFinish() {
        SyslogFramer framer = new SyslogFramer(100);

        assertThat(frames(framer, utf8("5 <13>a"))).containsExactly(Frame.whole("<13>a"));
        assertThat(frames(framer, utf8("<13>b\n"))).containsExactly(Frame.whole("<13>b"));
    }

    @Test
    void rejectsNonPositiveMaximum() {
        assertThatThrownBy(() -> new SyslogFramer(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxFrameSize");
    }
}
