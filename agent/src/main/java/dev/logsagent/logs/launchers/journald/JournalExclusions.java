package dev.logsagent.logs.launchers.journald;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code exclude_units} and {@code exclude_matches}, applied to each entry read (journalctl cannot negate a match).
 * As in the Datadog Agent, {@code exclude_units: ["*"]} drops every entry that comes from a unit.
 */
public final class JournalExclusions {
    private final Set<String> units;
    private final boolean allUnits;
    private final Map<String, Set<String>> matches = new HashMap<>();

    public JournalExclusions(List<String> units, List<JournalMatch> matches) {
        this.units = Set.copyOf(units);
        this.allUnits = units.contains("*");
        for (JournalMatch m : matches) {
            this.matches.computeIfAbsent(m.field(), f -> new HashSet<>()).add(m.value());
        }
    }

    public static JournalExclusions of(JournaldSourceConfig config) {
        return new JournalExclusions(config.excludeUnits(), config.excludeMatches());
    }

    /** Fields the entries must be read with so that the matches can be checked. */
    public Set<String> fields() {
        return matches.keySet();
    }

    public boolean excludes(JournalEntry entry) {
        if (entry.unit() != null && (allUnits || units.contains(entry.unit()))) {
            return true;
        }
        for (var m : matches.entrySet()) {
            for (String value : entry.values(m.getKey())) {
                if (m.getValue().contains(value)) {
                    return true;
                }
            }
        }
        return false;
    }
}
