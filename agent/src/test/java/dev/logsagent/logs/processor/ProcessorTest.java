package dev.logsagent.logs.processor;

import dev.logsagent.config.ProcessingRuleConfig;
import dev.logsagent.config.SourceConfig;
import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.message.Origin;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.telemetry.LogsMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static dev.logsagent.config.ProcessingRuleType.EXCLUDE_AT_MATCH;
import static dev.logsagent.config.ProcessingRuleType.MASK_SEQUENCES;
import static dev.logsagent.logs.processor.RuleSetTest.rule;
import static org.assertj.core.api.Assertions.assertThat;

class ProcessorTest {
    private final LogsMetrics metrics = new LogsMetrics(new PrometheusRegistry());

    @Test
    void appliesGlobalThenSourceRulesAndCountsWhatGoesOn() {
        LogSource source = source("app", rule(MASK_SEQUENCES, "pw=\\S+", "pw=***"));
        Processor processor = new Processor(List.of(rule(EXCLUDE_AT_MATCH, "DEBUG", null)), metrics);
        Message kept = message(source, "login pw=hunter2", 17);
        Message dropped = message(source, "DEBUG pw=hunter2", 34);

        assertThat(processor.process(kept)).isTrue();
        assertThat(processor.process(dropped)).isFalse();

        assertThat(kept.contentAsString()).isEqualTo("login pw=***");
        assertThat(metrics.snapshot()).containsEntry("LogsProcessed", 1L);
    }

    @Test
    void aDroppedMessageKeepsItsOriginSoItsOffsetCanBeSettled() {
        LogSource source = source("app", rule(EXCLUDE_AT_MATCH, "noise", null));
        Processor processor = new Processor(List.of(), metrics);
        Message m = message(source, "noise", 42);
        Origin before = m.origin();

        assertThat(processor.process(m)).isFalse();

        assertThat(m.origin()).isSameAs(before);
        assertThat(m.origin().offset()).isEqualTo(42);
    }

    @Test
    void withoutAnyRuleEveryMessageGoesOnUntouched() {
        LogSource source = source("plain");
        Processor processor = new Processor(List.of(), metrics);

        for (int i = 0; i < 100; i++) {
            Message m = message(source, "line " + i, i);
            byte[] content = m.content();
            assertThat(processor.process(m)).isTrue();
            assertThat(m.content()).isSameAs(content);
        }

        assertThat(processor.forSource(source).isEmpty()).isTrue();
        assertThat(metrics.snapshot()).containsEntry("LogsProcessed", 100L);
    }

    @Test
    void compilesEachSourcesRulesOnceAndKeepsSourcesApart() {
        LogSource masking = source("masking", rule(MASK_SEQUENCES, "\\d", "#"));
        LogSource excluding = source("excluding", rule(EXCLUDE_AT_MATCH, "\\d", null));
        Processor processor = new Processor(List.of(), metrics);

        RuleSet first = processor.forSource(masking);
        assertThat(processor.forSource(excluding)).isNotSameAs(first);
        assertThat(processor.forSource(masking)).isSameAs(first);

        Message a = message(masking, "a1", 1);
        Message b = message(excluding, "b2", 1);
        assertThat(processor.process(a)).isTrue();
        assertThat(processor.process(b)).isFalse();
        assertThat(a.contentAsString()).isEqualTo("a#");
    }

    @Test
    void sourcesWithEqualConfigsStillGetTheirOwnRuleSets() {
        ProcessingRuleConfig mask = rule(MASK_SEQUENCES, "x", "y");
        LogSource one = source("same", mask);
        LogSource other = source("same", mask);
        Processor processor = new Processor(List.of(), metrics);

        assertThat(processor.forSource(one)).isNotSameAs(processor.forSource(other));
    }

    private static LogSource source(String name, ProcessingRuleConfig... rules) {
        SourceConfig config = SourceConfig.file(name, Path.of("/var/log/" + name + ".log"), "svc", "src")
                .withProcessingRules(List.of(rules));
        return new LogSource(name, config);
    }

    private static Message message(LogSource source, String content, long offset) {
        return Message.of(content, new Origin(source, new InputIdentity("file:" + source.config().path(), "end"), offset));
    }
}
