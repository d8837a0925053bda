package dev.logsagent.logs.processor;

import dev.logsagent.config.ProcessingRuleConfig;
import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.telemetry.LogsMetrics;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Applies the processing rules of each message's source and counts the messages that go on, like the Datadog
 * Agent's {@code LogsProcessed}. Compiled rule sets are cached per source (by identity, forgotten with the source).
 * One processor per pipeline, used by that pipeline's thread only.
 */
public final class Processor {
    private final List<ProcessingRuleConfig> globalRules;
    private final LogsMetrics metrics;
    private final Map<LogSource, RuleSet> ruleSets = new WeakHashMap<>();
    private LogSource lastSource;
    private RuleSet lastRuleSet;

    /** @param globalRules {@code logs_config.processing_rules}, applied before each source's own */
    public Processor(List<ProcessingRuleConfig> globalRules, LogsMetrics metrics) {
        this.globalRules = List.copyOf(globalRules);
        this.metrics = metrics;
    }

    /**
     * Runs the message through its source's rules. A dropped message keeps its origin: the caller still settles
     * its offset.
     *
     * @return true when the message goes on to the batcher, false when a rule dropped it
     */
    public boolean process(Message m) {
        RuleSet rules = forSource(m.origin().source());
        if (!rules.isEmpty() && !rules.apply(m)) {
            return false;
        }
        metrics.logsProcessed.inc();
        return true;
    }

    /** The compiled global + source rules for this source, compiled on first use. */
    public RuleSet forSource(LogSource source) {
        if (source == lastSource) {
            return lastRuleSet;
        }
        RuleSet rules = ruleSets.computeIfAbsent(source,
                s -> RuleSet.compile(globalRules, s.config().processingRules()));
        lastSource = source;
        lastRuleSet = rules;
        return rules;
    }
}
