package dev.logsagent.logs.processor;

import com.google.re2j.Pattern;
import dev.logsagent.config.ProcessingRuleConfig;
import dev.logsagent.logs.message.Message;

/**
 * One compiled processing rule. Rules keep a reusable matcher, so a rule (like the {@link RuleSet} holding it) is
 * used by one thread at a time.
 */
sealed interface ProcessingRule permits MatchFilter, SequenceMask {

    /** Applies the rule to the message, possibly rewriting its content; false when the message must be dropped. */
    boolean apply(Message m);

    /** @throws IllegalArgumentException for {@code multi_line}, which the decoder applies, not the processor */
    static ProcessingRule compile(ProcessingRuleConfig config) {
        Pattern pattern = Pattern.compile(config.pattern());
        return switch (config.type()) {
            case EXCLUDE_AT_MATCH -> new MatchFilter(pattern, false);
            case INCLUDE_AT_MATCH -> new MatchFilter(pattern, true);
            case MASK_SEQUENCES -> new SequenceMask(pattern,
                    config.replacePlaceholder() == null ? "" : config.replacePlaceholder());
            case MULTI_LINE -> throw new IllegalArgumentException(
                    "rule " + config.name() + ": multi_line rules belong to the decoder");
        };
    }
}
