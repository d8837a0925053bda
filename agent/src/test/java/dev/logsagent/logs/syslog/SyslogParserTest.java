package dev.logsagent.logs.syslog;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SyslogParserTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-26T01:30:00Z"), ZoneOffset.UTC);
    private static final SyslogParser PARSER = new SyslogParser(NOW);
    /** "kosme" as UTF-8 decoders' tests spell it, with U+1F79 (omicron with oxia). */
    private static final String KOSME = "\u03ba\u1f79\u03c3\u03bc\u03b5";

    private static SyslogMessage parse(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        return PARSER.parse(bytes, 0, bytes.length);
    }

    static List<String> resourceLines(String name) throws IOException {
        try (InputStream in = SyslogParserTest.class.getResourceAsStream("/syslog/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static long millis(String isoOffsetDateTime) {
        return OffsetDateTime.parse(isoOffsetDateTime).toInstant().toEpochMilli();
    }

    private static StructuredDataElement sd(String id, String... namesAndValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new StructuredDataElement(id, params);
    }

    private static SyslogMessage rfc5424(int pri, long timestamp, String hostname, String appName, String procId,
                                         String msgId, List<StructuredDataElement> sd, String message) {
        return new SyslogMessage(pri >> 3, pri & 7, timestamp, hostname, appName, procId, msgId, sd, message,
                SyslogFormat.RFC5424);
    }

    private static SyslogMessage rfc3164(int pri, long timestamp, String hostname, String appName, String procId,
                                         String message) {
        return new SyslogMessage(pri >> 3, pri & 7, timestamp, hostname, appName, procId, null, List.of(), message,
                SyslogFormat.RFC3164);
    }

    @Test
    void everyValidGoSyslogRfc5424LineParsesAsRfc5424() throws IOException {
        List<String> lines = resourceLines("gosyslog_rfc5424_valid.txt");

        assertThat(lines).hasSize(54);
        for (String line : lines) {
            assertThat(parse(line).format()).as(line).isEqualTo(SyslogFormat.RFC5424);
        }
    }

    @Test
    void representativeRfc5424LinesGiveExactFields() throws IOException {
        List<String> lines = resourceLines("gosyslog_rfc5424_valid.txt");
        String host255 = "abcdefghilmnopqrstuvz".repeat(13).substring(0, 255);
        String app48 = "abcdefghilmnopqrstuvz".repeat(3).substring(0, 48);
        String proc128 = "abcdefghilmnopqrstuvz".repeat(7).substring(0, 128);
        String msgId32 = "abcdefghilmnopqrstuvz".repeat(2).substring(0, 32);

        assertThat(parse(lines.get(0))).isEqualTo(rfc5424(10, 0, null, null, null, null, List.of(), ""));
        assertThat(parse(lines.get(2))).isEqualTo(rfc5424(29, millis("2016-02-21T04:32:57Z"), "web1", "someservice",
                null, null, List.of(sd("origin", "x-service", "someservice"), sd("meta", "sequenceId", "14125553")),
                "127.0.0.1 - - 1456029177 \"GET /v1/ok HTTP/1.1\" 200 145 \"-\" \"hacheck 0.9.0\" 24306 "
                        + "127.0.0.1:40124 575"));
        assertThat(parse(lines.get(6)))
                .isEqualTo(rfc5424(1, 0, "host-name", "app-name", "proc-id", "msg-id", List.of(), ""));
        assertThat(parse(lines.get(8))).isEqualTo(rfc5424(191, millis("2019-01-01T23:58:59.999Z"), host255,
                app48, proc128, msgId32,
                List.of(sd("an@id", "key1", "val1", "key2", "val2"), sd("another@id", "key1", "val1")),
                "Some message \"GET\""));
        assertThat(parse(lines.get(9))).isEqualTo(rfc5424(34, millis("2003-10-11T22:14:15.003Z"),
                "mymachine.example.com", "su", null, "ID47", List.of(),
                "BOM'su root' failed for lonvick on /dev/pts/8"));
        assertThat(parse(lines.get(11))).isEqualTo(rfc5424(165, millis("2003-08-24T12:14:15Z"), "192.0.2.1",
                "myproc", "8710", null, List.of(), "%% Time to make the do-nuts."));
        assertThat(parse(lines.get(13)))
                .as("trailing space: empty MSG").isEqualTo(rfc5424(165, millis("2003-08-24T06:14:15Z"), null, null,
                        null, null, List.of(), ""));
        assertThat(parse(lines.get(14))).isEqualTo(rfc5424(78, millis("2016-01-15T00:04:01Z"), "host1", "CROND",
                "10391", null, List.of(sd("sdid")), "some_message"));
        assertThat(parse(lines.get(19)).structuredData())
                .containsExactly(sd("meta", "one", "\\one"), sd("other", "two", "\\two", "double", "\\a\\b"));
        assertThat(parse(lines.get(24))).isEqualTo(rfc5424(29, millis("2016-01-15T01:00:43Z"), "hn", "S", null,
                null, List.of(sd("meta", "gr", KOSME, "es", "ñ"), sd("beta", "pr", "₡")), "𐌼 \"GET\""));
        assertThat(parse(lines.get(28)).structuredData()).containsExactly(sd("id", "pk", ""));
        assertThat(parse(lines.get(32)).structuredData())
                .as("every escape: \\] \\\" \\\\").containsExactly(sd("meta", "escape", "]\"\\\\]\""));
        assertThat(parse(lines.get(34)))
                .as("BOM before MSG is not part of it").isEqualTo(rfc5424(1, 0, null, null, null, null, List.of(),
                        KOSME));
    }

    @Test
    void invalidGoSyslogRfc5424LinesComeBackWhole() throws IOException {
        List<String> lines = resourceLines("gosyslog_rfc5424_invalid.txt");
        List<String> readAsBsd = new ArrayList<>();
        List<String> readAsRfc5424 = new ArrayList<>();

        assertThat(lines).hasSize(74);
        for (String line : lines) {
            SyslogMessage message = parse(line);
            switch (message.format()) {
                case UNPARSED -> assertThat(message.message()).isEqualTo(line);
                case RFC3164 -> {
                    readAsBsd.add(line);
                    assertThat(message.timestamp()).as(line).isZero();
                    assertThat(message.hostname()).as(line).isNull();
                    assertThat("<" + (message.facility() * 8 + message.severity()) + ">" + message.message())
                            .isEqualTo(line);
                }
                case RFC5424 -> readAsRfc5424.add(line);
            }
        }
        assertThat(readAsBsd).as("no VERSION after the PRI: BSD messages without timestamp").containsExactly(
                "<100> 2018-11-22", "<103>0 2018-11-22", "<101>1000 2018-11-22", "<1>3a", "<1>4a ",
                "<102>abc 2018-11-22");
        assertThat(readAsRfc5424).as("RFC 5424 6.3.3 keeps an unknown escape; go-syslog rejects it")
                .containsExactly("<29>8 2016-01-15T01:00:43Z hn S - - [meta escape=\"\\n\"] 127.0.0.1 - - "
                        + "1452819643 \"GET\"");
        assertThat(parse(readAsRfc5424.getFirst()).structuredData()).containsExactly(sd("meta", "escape", "\\n"));
    }

    @Test
    void everyGoSyslogMachineTestInputIsKept() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        int unparsed = 0;
        List<String> lines = resourceLines("gosyslog_rfc5424_machine_test_inputs.jsonl");

        assertThat(lines).hasSize(173);
        for (String line : lines) {
            JsonNode test = json.readTree(line);
            byte[] input = test.has("input_base64")
                    ? Base64.getDecoder().decode(test.get("input_base64").asString())
                    : test.get("input").asString().getBytes(StandardCharsets.UTF_8);
            String decoded = new String(input, StandardCharsets.UTF_8);
            SyslogMessage message = PARSER.parse(input, 0, input.length);
            String why = test.get("comment").asString() + " " + line;

            if (test.get("valid").asBoolean(false)) {
                assertThat(message.format()).as(why).isEqualTo(SyslogFormat.RFC5424);
            }
            switch (message.format()) {
                case UNPARSED -> {
                    unparsed++;
                    assertThat(message.message()).as(why).isEqualTo(decoded);
                }
                case RFC3164 -> assertThat("<" + (message.facility() * 8 + message.severity()) + ">"
                        + message.message()).as(why).isEqualTo(decoded);
                case RFC5424 -> {
                    if (test.has("input_base64")) {
                        assertThat(message.message()).as("invalid UTF-8 after the BOM is replaced: " + why)
                                .contains("\uFFFD");
                    } else if (!test.get("valid").asBoolean(false)) {
                        assertThat(decoded).as("only the unknown escape is more lenient than go-syslog")
                                .contains("escape=\"\\n\"");
                    }
                }
            }
        }
        assertThat(unparsed).isEqualTo(80);
    }

    @Test
    void bsdSamplesGiveHostnameTagAndPid() throws IOException {
        List<SyslogMessage> parsed = resourceLines("gosyslog_rfc3164_valid.txt").stream()
                .map(SyslogParserTest::parse).toList();

        assertThat(parsed).containsExactly(
                rfc3164(34, millis("2026-01-12T06:30:00Z"), "xxx", "apache", null,
                        "1.2.3.4 - - [12/Jan/2011:06:29:59 +0100] \"GET /foo/bar.html HTTP/1.1\" 301 96 \"-\" "
                                + "\"Mozilla/5.0 (Windows; U; Windows NT 5.1; fr; rv:1.9.2.12) Gecko/20101026 "
                                + "Firefox/3.6.12 ( .NET CLR 3.5.30729)\" PID 18904 Time Taken 0"),
                rfc3164(34, millis("2026-08-07T06:30:00Z"), "xxx", "aaa", null, "message from 1.2.3.4"),
                rfc3164(85, millis("2026-01-24T15:50:41Z"), "ip-172-31-30-110", "sudo", "6040",
                        "ec2-user : TTY=pts/0 ; PWD=/var/log ; USER=root ; COMMAND=/bin/tail secure"),
                rfc3164(166, millis("2026-07-06T20:33:28Z"), "ABC-1-234567", null, null, "Some message here"),
                rfc3164(34, millis("2026-10-11T22:14:15Z"), "mymachine", "su", null,
                        "'su root' failed for lonvick on /dev/pts/8"),
                rfc3164(13, millis("2026-02-05T17:32:18Z"), "10.0.0.99", null, null, "Use the BFG!"),
                rfc3164(165, millis("2026-08-24T05:34:00Z"), "mymachine", "myproc", "10",
                        "%% It's time to make the do-nuts.  %%  Ingredients: Mix=OK, Jelly=OK # Devices: "
                                + "Mixer=OK, Jelly_Injector=OK, Frier=OK # Transport: Conveyer1=OK, "
                                + "Conveyer2=OK # %%"),
                rfc3164(0, millis("2026-10-22T10:52:01Z"), "10.1.2.3", "sched", "0", "That's All Folks!"));
    }

    @Test
    void utilLinuxLoggerOutputParses() throws IOException {
        List<SyslogMessage> captured = resourceLines("logger_udp_messages.txt").stream()
                .map(SyslogParserTest::parse).toList();
        List<StructuredDataElement> timeQuality = List.of(sd("timeQuality", "tzKnown", "1", "isSynced", "0"));

        assertThat(captured).containsExactly(
                rfc3164(13, millis("2026-11-26T01:22:32Z"), "vm", "myuser", null, "hello"),
                rfc5424(13, millis("2026-11-26T01:22:32.153Z"), "vm", "myuser", null, null, timeQuality, "hello"),
                rfc5424(131, millis("2026-11-26T01:22:32.160Z"), "vm", "myuser", "20056", "ID47",
                        List.of(timeQuality.getFirst(),
                                sd("exampleSDID@32473", "iut", "3", "eventSource", "Appl\"ication")),
                        "hello ünïcode"),
                rfc3164(13, millis("2026-11-26T01:22:37Z"), null, "myuser", "20270", "hello"));
        assertThat(parse("<13>Nov 26 01:02:03 myhost myuser: hello"))
                .isEqualTo(rfc3164(13, millis("2026-11-26T01:02:03Z"), "myhost", "myuser", null, "hello"));
        assertThat(parse("<13>1 2026-11-26T01:02:03.123456+00:00 myhost myuser 1234 - "
                + "[timeQuality tzKnown=\"1\" isSynced=\"0\"] hello"))
                .isEqualTo(rfc5424(13, millis("2026-11-26T01:02:03.123Z"), "myhost", "myuser", "1234", null,
                        timeQuality, "hello"));
    }

    @Test
    void severityGivesStatus() {
        List<String> statuses = new ArrayList<>();
        for (int severity = 0; severity < 8; severity++) {
            SyslogMessage message = parse("<" + (8 + severity) + ">1 - - - - - -");
            assertThat(message.severity()).isEqualTo(severity);
            assertThat(message.facility()).isEqualTo(1);
            statuses.add(message.status());
        }

        assertThat(statuses).containsExactly("emergency", "alert", "critical", "error", "warn", "notice", "info",
                "debug");
        SyslogMessage withoutPri = parse("no pri here");
        assertThat(withoutPri.severity()).isEqualTo(-1);
        assertThat(withoutPri.facility()).isEqualTo(-1);
        assertThat(withoutPri.status()).isEqualTo("info");
    }

    @Test
    void decemberMessageReadInJanuaryIsFromLastYear() {
        SyslogParser parser = new SyslogParser(Clock.fixed(Instant.parse("2027-01-01T00:00:30Z"), ZoneOffset.UTC));
        byte[] bytes = "<13>Dec 31 23:59:50 host app: x".getBytes(StandardCharsets.US_ASCII);

        assertThat(parser.parse(bytes, 0, bytes.length).timestamp()).isEqualTo(millis("2026-12-31T23:59:50Z"));
    }

    @Test
    void januaryMessageReadInDecemberIsFromNextYear() {
        SyslogParser parser = new SyslogParser(Clock.fixed(Instant.parse("2026-12-31T23:59:59Z"), ZoneOffset.UTC));
        byte[] bytes = "<13>Jan  1 00:00:05 host app: x".getBytes(StandardCharsets.US_ASCII);

        assertThat(parser.parse(bytes, 0, bytes.length).timestamp()).isEqualTo(millis("2027-01-01T00:00:05Z"));
    }

    @Test
    void bsdTimestampIsReadInTheClockZone() {
        SyslogParser parser = new SyslogParser(NOW.withZone(ZoneId.of("Europe/Paris")));
        byte[] summer = "<13>Jul  1 12:00:00.25 host app: x".getBytes(StandardCharsets.US_ASCII);
        byte[] isoWithoutOffset = "<13>2026-01-15T12:00:00 host app: x".getBytes(StandardCharsets.US_ASCII);

        assertThat(parser.parse(summer, 0, summer.length).timestamp()).isEqualTo(millis("2026-07-01T10:00:00.250Z"));
        assertThat(parser.parse(isoWithoutOffset, 0, isoWithoutOffset.length).timestamp())
                .isEqualTo(millis("2026-01-15T11:00:00Z"));
    }

    @Test
    void impossibleBsdDateKeepsTheRestOfTheHeader() {
        assertThat(parse("<13>Feb 29 10:00:00 host app[7]: leap"))
                .isEqualTo(rfc3164(13, 0, "host", "app", "7", "leap"));
    }

    @Test
    void rsyslogIsoTimestampInBsdMessage() {
        assertThat(parse("<30>2026-11-26T01:02:03.123456+01:00 myhost systemd[1]: Started Session 5."))
                .isEqualTo(rfc3164(30, millis("2026-11-26T00:02:03.123Z"), "myhost", "systemd", "1",
                        "Started Session 5."));
    }

    @Test
    void bsdMessageWithoutTimestampKeepsItsTag() {
        assertThat(parse("<13>myapp: hello")).isEqualTo(rfc3164(13, 0, null, "myapp", null, "hello"));
        assertThat(parse("<13>just some text")).isEqualTo(rfc3164(13, 0, null, null, null, "just some text"));
        assertThat(parse("<13>Nov 26 01:02:03 lonely"))
                .as("a single word is the message, not a hostname")
                .isEqualTo(rfc3164(13, millis("2026-11-26T01:02:03Z"), null, null, null, "lonely"));
    }

    @Test
    void invalidUtf8WithoutPriIsReplacedNotDropped() {
        byte[] bytes = {'b', 'a', 'd', ' ', (byte) 0xFF, (byte) 0xC3, ' ', 'e', 'n', 'd'};

        SyslogMessage message = PARSER.parse(bytes, 0, bytes.length);

        assertThat(message.format()).isEqualTo(SyslogFormat.UNPARSED);
        assertThat(message.message()).isEqualTo("bad \uFFFD\uFFFD end");
    }

    @Test
    void brokenRfc5424KeepsItsPriAndWholeText() {
        SyslogMessage message = parse("<11>1 2026-11-26T01:02:03Z host app - - [unterminated x=\"1\" body");

        assertThat(message.format()).isEqualTo(SyslogFormat.UNPARSED);
        assertThat(message.status()).isEqualTo("error");
        assertThat(message.facility()).isEqualTo(1);
        assertThat(message.message()).isEqualTo("<11>1 2026-11-26T01:02:03Z host app - - [unterminated x=\"1\" body");
    }

    @Test
    void parsesOnlyTheGivenRange() {
        byte[] bytes = "junk<14>1 - host app - - - body\nmore junk".getBytes(StandardCharsets.US_ASCII);

        assertThat(PARSER.parse(bytes, 4, 27)).isEqualTo(rfc5424(14, 0, "host", "app", null, null, List.of(), "body"));
    }

    @Test
    void repeatedParamKeepsEveryValueInOrder() {
        SyslogMessage message = parse("<13>1 - - - - - [origin ip=\"10.0.0.1\" software=\"x\" ip=\"10.0.0.2\"]");

        StructuredDataElement origin = message.structuredData().getFirst();
        assertThat(origin.params().keySet()).containsExactly("ip", "software");
        assertThat(origin.params()).containsEntry("ip", "10.0.0.1,10.0.0.2");
    }

    @Test
    void attributesFlattenHeaderAndStructuredData() {
        SyslogMessage message = parse("<131>1 2026-11-26T01:22:32.160950+00:00 vm myuser 20056 ID47 "
                + "[timeQuality tzKnown=\"1\" isSynced=\"0\"][exampleSDID@32473 iut=\"3\"] hello");

        assertThat(message.attributes()).containsExactly(
                Map.entry("syslog.hostname", "vm"), Map.entry("syslog.appname", "myuser"),
                Map.entry("syslog.procid", "20056"), Map.entry("syslog.msgid", "ID47"),
                Map.entry("syslog.severity", 3), Map.entry("syslog.facility", 16),
                Map.entry("syslog.sd.timeQuality.tzKnown", "1"), Map.entry("syslog.sd.timeQuality.isSynced", "0"),
                Map.entry("syslog.sd.exampleSDID@32473.iut", "3"));
        assertThat(parse("no pri").attributes()).isEmpty();
    }
}
