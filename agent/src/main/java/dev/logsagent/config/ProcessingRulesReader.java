package dev.logsagent.config;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code logs_config.processing_rules} and a source's {@code log_processing_rules}. A rule is accepted
 * only if its pattern compiles with RE2, the engine the processor runs, so no rule fails later.
 */
final class ProcessingRulesReader implements ValueReader<List<ProcessingRuleConfig>> {
    private static final Set<String> KEYS = Set.of("type", "name", "pattern", "replace_placeholder");
    private static final ValueReader<ProcessingRuleType> TYPE =
            ValueReaders.oneOf(ProcessingRuleType.values(), ProcessingRuleType::key);
    private static final ValueReader<String> TEXT = ValueReaders.string();

    @Override
    public List<ProcessingRuleConfig> read(ConfigNode node) {
        if (!node.expectList()) {
            return null;
        }
        List<ProcessingRuleConfig> rules = new ArrayList<>();
        boolean valid = true;
        for (ConfigNode element : node.elements()) {
            ProcessingRuleConfig rule = readRule(element);
            if (rule == null) {
                valid = false;
            } else {
                rules.add(rule);
            }
        }
        return valid ? List.copyOf(rules) : null;
    }

    private static ProcessingRuleConfig readRule(ConfigNode rule) {
        if (rule.isAbsent()) {
            rule.error("expected a processing rule, got an empty entry");
            return null;
        }
        if (!rule.expectMapping()) {
            return null;
        }
        rule.warnUnknownKeys(KEYS);
        ProcessingRuleType type = rule.field("type").require(TYPE, "type is required");
        String name = rule.field("name").require(TEXT, "name is required");
        ConfigNode patternNode = rule.field("pattern");
        String pattern = patternNode.require(TEXT, "pattern is required");
        if (pattern != null && !compiles(patternNode, pattern)) {
            pattern = null;
        }
        ConfigNode placeholderNode = rule.field("replace_placeholder");
        String placeholder = placeholderNode.read(TEXT);
        if (type == ProcessingRuleType.MASK_SEQUENCES && placeholderNode.isAbsent()) {
            placeholderNode.error("replace_placeholder is required for mask_sequences");
            return null;
        }
        if (type == null || name == null || pattern == null) {
            return null;
        }
        return new ProcessingRuleConfig(type, name, pattern, placeholder);
    }

    private static boolean compiles(ConfigNode node, String pattern) {
        try {
            Pattern.compile(pattern);
            return true;
        } catch (PatternSyntaxException e) {
            node.error("not a valid RE2 pattern: " + e.getDescription() + ": `" + e.getPattern() + "`");
            return false;
        }
    }
}
