package dev.logsagent.logs.processor;

import dev.logsagent.config.ProcessingRuleConfig;
import dev.logsagent.config.ProcessingRuleType;
import dev.logsagent.logs.message.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The processing rules one source's messages go through: the global {@code processing_rules} first, then the
 * source's {@code log_processing_rules}, in order; a rule sees the content as earlier rules left it. Rules keep
 * reusable matchers, so a rule set is used by one thread at a time (each pipeline's processor compiles its own).
 */
public final class RuleSet {
    private static final RuleSet EMPTY = new RuleSet(new ProcessingRule[0]);

    private final ProcessingRule[] rules;

    private RuleSet(ProcessingRule[] rules) {
        this.rules = rules;
    }

    /** Compiles the rules; {@code multi_line} rules are left to the decoder. Patterns were validated at load. */
    public static RuleSet compile(List<ProcessingRuleConfig> global, List<ProcessingRuleConfig> source) {
        List<ProcessingRule> compiled = new ArrayList<>();
        Stream.concat(global.stream(), source.stream())
                .filter(config -> config.type() != ProcessingRuleType.MULTI_LINE)
                .forEach(config -> compiled.add(ProcessingRule.compile(config)));
        return compiled.isEmpty() ? EMPTY : new RuleSet(compiled.toArray(ProcessingRule[]::new));
    }

    public boolean isEmpty() {
        return rules.length == 0;
    }

    public int size() {
        return rules.length;
    }

    /** Applies every rule, rewriting the content for masks; false as soon as a rule drops the message. */
    public boolean apply(Message m) {
        for (ProcessingRule rule : rules) {
            if (!rule.apply(m)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "RuleSet" + List.of(rules);
    }
}
