package dev.logsagent.config;

/** {@code type} of an entry of {@code processing_rules} / {@code log_processing_rules}. */
public enum ProcessingRuleType {
    EXCLUDE_AT_MATCH("exclude_at_match"),
    INCLUDE_AT_MATCH("include_at_match"),
    MASK_SEQUENCES("mask_sequences"),
    MULTI_LINE("multi_line");

    private final String key;

    ProcessingRuleType(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
