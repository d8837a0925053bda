package dev.logsagent.logs.launchers.journald;

import dev.logsagent.config.SourceConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@code type: journald} source asks for, read from its {@link SourceConfig}: which journal ({@code path}, a
 * folder or a file; none = the system journal) and which entries ({@code include_units}, {@code exclude_units},
 * {@code include_matches}, {@code exclude_matches}).
 *
 * @param path null for the system journal
 */
public record JournaldSourceConfig(String path, List<String> includeUnits, List<String> excludeUnits,
                                   List<JournalMatch> includeMatches, List<JournalMatch> excludeMatches) {

    public JournaldSourceConfig {
        includeUnits = List.copyOf(includeUnits);
        excludeUnits = List.copyOf(excludeUnits);
        includeMatches = List.copyOf(includeMatches);
        excludeMatches = List.copyOf(excludeMatches);
    }

    /** @throws IllegalArgumentException naming the key and entry when a match is not {@code FIELD=value} */
    public static JournaldSourceConfig of(SourceConfig config) {
        String path = config.path() == null || config.path().isBlank() ? null : config.path();
        return new JournaldSourceConfig(path, strings(config, "include_units"), strings(config, "exclude_units"),
                matches(config, "include_matches"), matches(config, "exclude_matches"));
    }

    /** The registry key of the journal: {@code journald:<path>}, or {@code journald:default} for the system's. */
    public String identifier() {
        return "journald:" + (path == null ? "default" : path);
    }

    private static List<String> strings(SourceConfig config, String key) {
        Object value = config.extra().get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    private static List<JournalMatch> matches(SourceConfig config, String key) {
        List<String> texts = strings(config, key);
        List<JournalMatch> matches = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            matches.add(JournalMatch.parse(texts.get(i), key + "[" + i + "]"));
        }
        return matches;
    }
}
