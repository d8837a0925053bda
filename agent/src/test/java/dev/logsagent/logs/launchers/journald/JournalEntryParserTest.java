package dev.logsagent.logs.launchers.journald;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalEntryParserTest {
    private final JournalEntryParser parser = new JournalEntryParser(Set.of("TEAM"));

    private JournalEntry parse(String json) {
        byte[] bytes = ("garbage" + json + "garbage").getBytes(StandardCharsets.UTF_8);
        return parser.parse(bytes, 7, bytes.length - 14);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void readsTheFieldsTheAgentUsesFromTheLineSlice() {
        JournalEntry e = parse("""
                {"__CURSOR":"s=1;i=2","__REALTIME_TIMESTAMP":"1700000000123456","MESSAGE":"hello \\"w\\"\\n",\
                "PRIORITY":"3","SYSLOG_IDENTIFIER":"app","_SYSTEMD_UNIT":"app.service","_COMM":"app-bin",\
                "_PID":"12","__MONOTONIC_TIMESTAMP":"5"}""");

        assertThat(e.cursor()).isEqualTo("s=1;i=2");
        assertThat(e.realtimeMicros()).isEqualTo(1_700_000_000_123_456L);
        assertThat(text(e.message())).isEqualTo("hello \"w\"\n");
        assertThat(e.priority()).isEqualTo(3);
        assertThat(e.status()).isEqualTo("error");
        assertThat(e.syslogIdentifier()).isEqualTo("app");
        assertThat(e.unit()).isEqualTo("app.service");
        assertThat(e.command()).isEqualTo("app-bin");
        assertThat(e.otherFields()).isEmpty();
    }

    @Test
    void binaryValuesAreDecodedAsUtf8WithReplacementCharacters() {
        JournalEntry e = parse("{\"__CURSOR\":\"c\",\"MESSAGE\":[97,98,255,99,195,169]}");

        assertThat(text(e.message())).isEqualTo("ab\uFFFDc\u00e9");
    }

    @Test
    void aFieldWrittenSeveralTimesGivesItsFirstValueAndAllForMatching() {
        JournalEntry e = parse("{\"__CURSOR\":\"c\",\"MESSAGE\":[\"first\",[115,101,99],\"third\"],"
                + "\"TEAM\":[\"core\",[101,100,103,101]]}");

        assertThat(text(e.message())).isEqualTo("first");
        assertThat(e.otherFields()).isEqualTo(Map.of("TEAM", List.of("core", "edge")));
        assertThat(e.values("TEAM")).containsExactly("core", "edge");
    }

    @Test
    void missingOrUnusableFieldsGetNeutralValues() {
        JournalEntry e = parse("{\"__CURSOR\":\"c\",\"PRIORITY\":\"loud\",\"MESSAGE\":null,\"OTHER\":{\"a\":[1]}}");

        assertThat(e.message()).isEmpty();
        assertThat(e.priority()).isEqualTo(-1);
        assertThat(e.status()).isEqualTo("info");
        assertThat(e.realtimeMicros()).isZero();
        assertThat(e.applicationName()).isNull();
    }

    @Test
    void priorityOutsideSyslogRangeIsInfo() {
        assertThat(parse("{\"__CURSOR\":\"c\",\"PRIORITY\":\"9\"}").status()).isEqualTo("info");
        assertThat(parse("{\"__CURSOR\":\"c\",\"PRIORITY\":\"7\"}").status()).isEqualTo("debug");
    }

    @Test
    void applicationNameIsIdentifierThenUnitThenCommand() {
        assertThat(parse("{\"__CURSOR\":\"c\",\"_SYSTEMD_UNIT\":\"u\",\"_COMM\":\"x\",\"SYSLOG_IDENTIFIER\":\"i\"}")
                .applicationName()).isEqualTo("i");
        assertThat(parse("{\"__CURSOR\":\"c\",\"_SYSTEMD_UNIT\":\"u\",\"_COMM\":\"x\"}").applicationName())
                .isEqualTo("u");
        assertThat(parse("{\"__CURSOR\":\"c\",\"_COMM\":\"x\"}").applicationName()).isEqualTo("x");
    }

    @Test
    void anEntryWithoutCursorIsRefused() {
        assertThatThrownBy(() -> parse("{\"MESSAGE\":\"m\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("__CURSOR");
    }

    @Test
    void somethingElseThanAnObjectIsRefused() {
        assertThatThrownBy(() -> parse("[1,2]")).hasMessageContaining("expected a JSON object");
        assertThatThrownBy(() -> parse("{\"__CURSOR\":\"c\",")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> parse("{\"__CURSOR\":\"c\",\"MESSAGE\":[1,300]}"))
                .hasMessageContaining("0..255");
    }
}
