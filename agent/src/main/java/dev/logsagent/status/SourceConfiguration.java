package dev.logsagent.status;

import dev.logsagent.config.Encoding;
import dev.logsagent.config.ProcessingRuleConfig;
import dev.logsagent.config.Secrets;
import dev.logsagent.config.SourceConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code configuration} of a source in status: its set fields under their conf.d names, secrets redacted. */
final class SourceConfiguration {
    private static final List<String> SECRET_WORDS = List.of("key", "password", "secret", "token", "credential");

    private SourceConfiguration() {
    }

    static Map<String, Object> of(SourceConfig config) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", config.type().key());
        putIfSet(out, "path", config.path());
        putIfSet(out, "exclude_paths", config.excludePaths());
        if (config.encoding() != Encoding.UTF_8) {
            out.put("encoding", config.encoding().key());
        }
        if (config.path() != null) {
            out.put("start_position", config.startPosition().key());
        }
        if (config.port() > 0) {
            out.put("port", config.port());
        }
        putIfSet(out, "bind_host", config.bindHost());
        putIfSet(out, "service", config.service());
        putIfSet(out, "source", config.source());
        putIfSet(out, "sourcecategory", config.sourceCategory());
        putIfSet(out, "tags", config.tags());
        putIfSet(out, "log_processing_rules",
                config.processingRules().stream().map(SourceConfiguration::rule).toList());
        if (config.autoMultiLine() != null) {
            out.put("auto_multi_line_detection", config.autoMultiLine());
        }
        putIfSet(out, "identifier", config.identifier());
        config.extra().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put(e.getKey(), isSecret(e.getKey()) ? Secrets.redact(String.valueOf(e.getValue()))
                        : e.getValue()));
        return out;
    }

    private static Map<String, Object> rule(ProcessingRuleConfig rule) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", rule.type().key());
        putIfSet(out, "name", rule.name());
        putIfSet(out, "pattern", rule.pattern());
        putIfSet(out, "replace_placeholder", rule.replacePlaceholder());
        return out;
    }

    private static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(lower::contains);
    }

    private static void putIfSet(Map<String, Object> out, String key, String value) {
        if (value != null && !value.isEmpty()) {
            out.put(key, value);
        }
    }

    private static void putIfSet(Map<String, Object> out, String key, List<?> value) {
        if (!value.isEmpty()) {
            out.put(key, value);
        }
    }
}
