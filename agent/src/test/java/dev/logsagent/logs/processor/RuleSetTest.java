package dev.logsagent.logs.processor;

import dev.logsagent.config.ProcessingRuleConfig;
import dev.logsagent.config.ProcessingRuleType;
import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.message.Origin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.logsagent.config.ProcessingRuleType.EXCLUDE_AT_MATCH;
import static dev.logsagent.config.ProcessingRuleType.INCLUDE_AT_MATCH;
import static dev.logsagent.config.ProcessingRuleType.MASK_SEQUENCES;
import static dev.logsagent.config.ProcessingRuleType.MULTI_LINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleSetTest {

    @ParameterizedTest(name = "exclude {0} on \"{1}\" keeps it: {2}")
    @CsvSource(delimiterString = " => ", textBlock = """
            DEBUG => 2024 DEBUG starting => false
            DEBUG => 2024 INFO started => true
            ^healthcheck => healthcheck ok => false
            ^healthcheck => GET /healthcheck => true
            (?i)password => PassWord reset => false
            \\p{Greek}+ => unicode αβγ text => false
            \\p{Greek}+ => plain ascii => true
            """)
    void excludeAtMatchDropsMessagesMatchingAnywhere(String pattern, String content, boolean kept) {
        RuleSet rules = RuleSet.compile(List.of(rule(EXCLUDE_AT_MATCH, pattern, null)), List.of());

        assertThat(rules.apply(message(content))).isEqualTo(kept);
    }

    @ParameterizedTest(name = "include {0} on \"{1}\" keeps it: {2}")
    @CsvSource(delimiterString = " => ", textBlock = """
            ERROR|WARN => 12:00 ERROR disk full => true
            ERROR|WARN => 12:00 WARN disk low => true
            ERROR|WARN => 12:00 INFO all good => false
            ^\\{ => {"json":true} => true
            ^\\{ => text {"json":true} => false
            """)
    void includeAtMatchDropsMessagesNotMatching(String pattern, String content, boolean kept) {
        RuleSet rules = RuleSet.compile(List.of(rule(INCLUDE_AT_MATCH, pattern, null)), List.of());

        assertThat(rules.apply(message(content))).isEqualTo(kept);
    }

    @ParameterizedTest(name = "mask {0} with \"{1}\": \"{2}\" -> \"{3}\"")
    @CsvSource(delimiterString = " => ", quoteCharacter = '\'', textBlock = """
            \\d+ => [num] => a 12 b 345 c => a [num] b [num] c
            (\\w+)@(\\w+)\\.com => $2 at $1 => mail bob@example.com => mail example at bob
            (?P<user>\\w+)@\\w+ => ${user}@*** => from ann@host to joe@x => from ann@*** to joe@***
            (?P<user>\\w+)@\\w+ => $user@*** => ann@host => ann@***
            (\\d) => $1x => a1b => ab
            (\\d) => ${1}x => a1b => a1xb
            \\d => $$ => a1b => a$b
            \\d => $$1 => a1b => a$1b
            \\d => $- => a1b => a$-b
            \\d => cost $ => a1b => acost $b
            (\\d) => ${1 => a1b => a${1b
            (\\d) => ${} => a1b => a${}b
            (\\d) => <$9> => a1b => a<>b
            (\\d) => <${nope}> => a1b => a<>b
            (\\d) => <$01> => a1b => a<>b
            \\d+ => <$0> => a12b => a<12>b
            (a)|(b) => [$1|$2] => xaybz => x[a|]y[|b]z
            x* => - => abc => -a-b-c-
            a* => - => baaac => -b-c-
            ^\\d => # => 1 2 3 => '# 2 3'
            \\bfoo\\b => X => foo food foo => X food X
            secret=\\S+ => secret=🔒 => a secret=abc é => a secret=🔒 é
            \\d+ => # => héllo 42 wörld ✓ 7 => héllo # wörld ✓ #
            x* => - => é✓ => -é-✓-
            \\p{Greek}+ => <$0> => abc αβγ def => abc <αβγ> def
            (?P<k>\\w+)=(?P<v>[^ ]+) => ${k}=<${v}> => ü=ß token=日本 end => ü=ß token=<日本> end
            nomatch => X => nothing here => nothing here
            """)
    void maskSequencesReplacesEveryMatchLikeGoReplaceAll(String pattern, String placeholder, String content,
                                                         String expected) {
        RuleSet rules = RuleSet.compile(List.of(), List.of(rule(MASK_SEQUENCES, pattern, placeholder)));
        Message m = message(content);

        assertThat(rules.apply(m)).isTrue();
        assertThat(m.contentAsString()).isEqualTo(expected);
    }

    @Test
    void maskWithoutMatchKeepsTheSameContentArray() {
        RuleSet rules = RuleSet.compile(List.of(), List.of(rule(MASK_SEQUENCES, "\\d", "#")));
        Message m = message("no digits");
        byte[] before = m.content();

        rules.apply(m);

        assertThat(m.content()).isSameAs(before);
    }

    @Test
    void maskRewritesContentAsUtf8Bytes() {
        RuleSet rules = RuleSet.compile(List.of(), List.of(rule(MASK_SEQUENCES, "card=\\d+", "card=•••")));
        Message m = message("ünïcödé card=4111 ✓");

        rules.apply(m);

        assertThat(m.content()).isEqualTo("ünïcödé card=••• ✓".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void laterRulesSeeTheContentAsEarlierRulesLeftIt() {
        ProcessingRuleConfig mask = rule(MASK_SEQUENCES, "\\d+", "N");
        ProcessingRuleConfig exclude = rule(EXCLUDE_AT_MATCH, "N N", null);

        assertThat(RuleSet.compile(List.of(), List.of(mask, exclude)).apply(message("1 2"))).isFalse();
        Message reversed = message("1 2");
        assertThat(RuleSet.compile(List.of(), List.of(exclude, mask)).apply(reversed)).isTrue();
        assertThat(reversed.contentAsString()).isEqualTo("N N");
    }

    @Test
    void globalRulesRunBeforeSourceRules() {
        RuleSet rules = RuleSet.compile(List.of(rule(MASK_SEQUENCES, "a", "b")), List.of(rule(MASK_SEQUENCES, "b", "c")));
        Message m = message("a");

        rules.apply(m);

        assertThat(m.contentAsString()).isEqualTo("c");
    }

    @Test
    void aDroppingRuleStopsTheRulesAfterIt() {
        RuleSet rules = RuleSet.compile(List.of(rule(INCLUDE_AT_MATCH, "keep", null)),
                List.of(rule(MASK_SEQUENCES, ".+", "masked")));
        Message dropped = message("drop me");

        assertThat(rules.apply(dropped)).isFalse();
        assertThat(dropped.contentAsString()).isEqualTo("drop me");
    }

    @Test
    void multiLineRulesAreLeftToTheDecoder() {
        ProcessingRuleConfig multiLine = rule(MULTI_LINE, "^\\d{4}-", null);

        assertThat(RuleSet.compile(List.of(multiLine), List.of(multiLine)).isEmpty()).isTrue();
        assertThat(RuleSet.compile(List.of(multiLine), List.of(rule(EXCLUDE_AT_MATCH, "x", null))).size())
                .isEqualTo(1);
        assertThatThrownBy(() -> ProcessingRule.compile(multiLine))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multi_line");
    }

    @Test
    void emptyRuleSetPassesEverythingUnchanged() {
        RuleSet rules = RuleSet.compile(List.of(), List.of());
        Message m = message("anything at all \u0000 ✓");
        byte[] before = m.content();

        assertThat(rules.isEmpty()).isTrue();
        assertThat(rules.apply(m)).isTrue();
        assertThat(m.content()).isSameAs(before);
    }

    @Test
    void rulesAreReusedAcrossManyMessages() {
        RuleSet rules = RuleSet.compile(List.of(rule(EXCLUDE_AT_MATCH, "DEBUG", null)),
                List.of(rule(MASK_SEQUENCES, "id=(\\d+)", "id=<$1>")));

        for (int i = 0; i < 1000; i++) {
            Message m = message((i % 3 == 0 ? "DEBUG " : "INFO ") + "id=" + i);
            boolean kept = rules.apply(m);
            assertThat(kept).isEqualTo(i % 3 != 0);
            if (kept) {
                assertThat(m.contentAsString()).isEqualTo("INFO id=<" + i + ">");
            }
        }
    }

    @Test
    void maskWithoutPlaceholderRemovesTheMatch() {
        RuleSet rules = RuleSet.compile(List.of(), List.of(rule(MASK_SEQUENCES, " ?token=\\w+", null)));
        Message m = message("call token=abc done");

        rules.apply(m);

        assertThat(m.contentAsString()).isEqualTo("call done");
    }

    static ProcessingRuleConfig rule(ProcessingRuleType type, String pattern, String placeholder) {
        return new ProcessingRuleConfig(type, type.key() + "-rule", pattern, placeholder);
    }

    private static Message message(String content) {
        return Message.of(content, new Origin(null, new InputIdentity("file:/var/log/app.log", "end"), content.length()));
    }
}
