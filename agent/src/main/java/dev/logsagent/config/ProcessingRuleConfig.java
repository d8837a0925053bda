package dev.logsagent.config;

/**
 * One processing rule as configured. The pattern has already been checked to be valid RE2 syntax.
 *
 * @param replacePlaceholder only for {@link ProcessingRuleType#MASK_SEQUENCES}; may use {@code $1} / {@code ${name}}
 */
public record ProcessingRuleConfig(ProcessingRuleType type, String name, String pattern, String replacePlaceholder) {
}
