package dev.logsagent.logs.tailers;

import dev.logsagent.config.Encoding;
import dev.logsagent.config.SourceConfig;
import dev.logsagent.config.SourceType;
import dev.logsagent.config.StartPosition;
import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.logs.syslog.SyslogParser;
import dev.logsagent.telemetry.LogsMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SyslogMessageBuilderTest {
    private static final List<String> PEER = List.of("source_host:10.0.0.7");
    private static final SyslogParser PARSER =
            new SyslogParser(Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC));

    private final LogsMetrics metrics = new LogsMetrics(new PrometheusRegistry());

    @Test
    void anRfc5424MessageGivesItsBodyStatusTimestampHostServiceAndTags() {
        Message m = buildOne(null, "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog 4242 ID47 "
                + "[exampleSDID@32473 iut=\"3\" eventSource=\"Application\"] An application event");

        assertThat(m.contentAsString()).isEqualTo("An application event");
        assertThat(m.status()).isEqualTo("notice");
        assertThat(m.timestamp()).isEqualTo(Instant.parse("2003-10-11T22:14:15.003Z").toEpochMilli());
        assertThat(m.hostname()).isEqualTo("mymachine.example.com");
        assertThat(m.service()).isEqualTo("evntslog");
        assertThat(m.tags()).containsExactly("source_host:10.0.0.7", "syslog.appname:evntslog", "syslog.procid:4242",
                "syslog.msgid:ID47", "syslog.sd.exampleSDID@32473.iut:3",
                "syslog.sd.exampleSDID@32473.eventSource:Application");
        assertThat(m.truncated()).isFalse();
        assertThat(m.origin().identifier()).isEmpty();
    }

    @Test
    void anRfc3164MessageGivesItsTagAsServiceAndPidAsProcid() {
        Message m = buildOne(null, "<34>Oct 11 22:14:15 mymachine su[77]: 'su root' failed for lonvick on /dev/pts/8");

        assertThat(m.contentAsString()).isEqualTo("'su root' failed for lonvick on /dev/pts/8");
        assertThat(m.status()).isEqualTo("critical");
        assertThat(m.hostname()).isEqualTo("mymachine");
        assertThat(m.service()).isEqualTo("su");
        assertThat(m.timestamp()).isEqualTo(Instant.parse("2024-10-11T22:14:15Z").toEpochMilli());
        assertThat(m.tags()).containsExactly("source_host:10.0.0.7", "syslog.appname:su", "syslog.procid:77");
    }

    @Test
    void theSourcesServiceWinsOverTheAppName() {
        Message m = buildOne("billing", "<14>1 - host app - - - hello");

        assertThat(m.service()).isNull();
        assertThat(m.tags()).contains("syslog.appname:app");
        assertThat(m.status()).isEqualTo("info");
    }

    @Test
    void unparseableInputIsPassedOnWholeAsAPlainLine() {
        Message m = buildOne(null, "just some text, no PRI");

        assertThat(m.contentAsString()).isEqualTo("just some text, no PRI");
        assertThat(m.status()).isEqualTo("info");
        assertThat(m.service()).isNull();
        assertThat(m.hostname()).isNull();
        assertThat(m.timestamp()).isZero();
        assertThat(m.tags()).isSameAs(PEER);
    }

    @Test
    void aBrokenRfc5424MessageKeepsItsSeverityAndAllItsText() {
        Message m = buildOne(null, "<11>1 not-a-timestamp host app - - - text");

        assertThat(m.contentAsString()).isEqualTo("<11>1 not-a-timestamp host app - - - text");
        assertThat(m.status()).isEqualTo("error");
        assertThat(m.hostname()).isNull();
    }

    @Test
    void commasInValuesBecomeUnderscoresSoEachTagStaysOneTag() {
        Message m = buildOne(null, "<14>1 - host app - - [meta@1 list=\"a,b\"] x");

        assertThat(m.tags()).contains("syslog.sd.meta@1.list:a_b");
    }

    @Test
    void consecutiveMessagesWithTheSameFieldsShareOneTagList() {
        SyslogMessageBuilder builder = builder(null, 1000);
        List<Message> out = new ArrayList<>();
        build(builder, "<14>1 - h app 1 - - one", false, out);
        build(builder, "<14>1 - h app 1 - - two", false, out);
        build(builder, "<14>1 - h app 2 - - three", false, out);

        assertThat(out.get(1).tags()).isSameAs(out.get(0).tags());
        assertThat(out.get(2).tags()).isNotSameAs(out.get(1).tags()).contains("syslog.procid:2");
    }

    @Test
    void aBodyLongerThanTheLimitIsCutIntoMarkedPiecesOnCharacterBoundaries() {
        SyslogMessageBuilder builder = builder(null, 10);
        List<Message> out = new ArrayList<>();
        build(builder, "<14>1 - h app - - - abcdefghié12345678", false, out);
        builder.publishCounts();

        assertThat(out).extracting(Message::contentAsString)
                .containsExactly("abcdefghi...TRUNCATED...", "...TRUNCATED...é12345678");
        assertThat(out).allSatisfy(m -> {
            assertThat(m.truncated()).isTrue();
            assertThat(m.service()).isEqualTo("app");
        });
        assertThat(metrics.logsTruncated.get()).isEqualTo(2);
        assertThat(metrics.logsDecoded.get()).isEqualTo(2);
    }

    @Test
    void aPieceOfACutFrameIsMarked() {
        SyslogMessageBuilder builder = builder(null, 1000);
        List<Message> out = new ArrayList<>();
        build(builder, "<14>1 - h app - - - start of a long", true, out);

        assertThat(out).singleElement().satisfies(m -> {
            assertThat(m.contentAsString()).isEqualTo("start of a long...TRUNCATED...");
            assertThat(m.truncated()).isTrue();
        });
    }

    private Message buildOne(String service, String frame) {
        List<Message> out = new ArrayList<>();
        build(builder(service, 256_000), frame, false, out);
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    private static void build(SyslogMessageBuilder builder, String frame, boolean cut, List<Message> out) {
        byte[] bytes = ("xx" + frame).getBytes(StandardCharsets.UTF_8);
        builder.build(bytes, 2, bytes.length - 2, cut, out);
    }

    private SyslogMessageBuilder builder(String service, int maxMessageSize) {
        SourceConfig config = new SourceConfig("net", "test", SourceType.TCP, null, List.of(), Encoding.UTF_8,
                StartPosition.END, 514, null, service, "syslog", null, List.of(), List.of(), null, null,
                Map.of("format", "syslog"));
        return new SyslogMessageBuilder(new LogSource("net", config), new InputIdentity("", "end"), PEER, PARSER,
                maxMessageSize, metrics);
    }
}
