package dev.logsagent.logs.launchers.journald;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JournalExclusionsTest {

    private static JournalEntry entry(String unit, int priority, Map<String, List<String>> other) {
        return new JournalEntry("c", 0, "msg".getBytes(StandardCharsets.UTF_8), priority, null, unit, null, other);
    }

    @Test
    void dropsEntriesOfExcludedUnitsOnly() {
        JournalExclusions x = new JournalExclusions(List.of("noisy.service"), List.of());

        assertThat(x.excludes(entry("noisy.service", 6, Map.of()))).isTrue();
        assertThat(x.excludes(entry("app.service", 6, Map.of()))).isFalse();
        assertThat(x.excludes(entry(null, 6, Map.of()))).isFalse();
    }

    @Test
    void starDropsEveryEntryThatHasAUnit() {
        JournalExclusions x = new JournalExclusions(List.of("*"), List.of());

        assertThat(x.excludes(entry("any.service", 6, Map.of()))).isTrue();
        assertThat(x.excludes(entry(null, 6, Map.of()))).isFalse();
    }

    @Test
    void dropsEntriesWithAnyValueMatchingOnReadOrOtherFields() {
        JournalExclusions x = new JournalExclusions(List.of(), List.of(new JournalMatch("PRIORITY", "7"),
                new JournalMatch("TEAM", "edge"), new JournalMatch("MESSAGE", "msg2")));

        assertThat(x.fields()).containsExactlyInAnyOrder("PRIORITY", "TEAM", "MESSAGE");
        assertThat(x.excludes(entry(null, 7, Map.of()))).isTrue();
        assertThat(x.excludes(entry(null, 6, Map.of("TEAM", List.of("core", "edge"))))).isTrue();
        assertThat(x.excludes(entry(null, 6, Map.of("TEAM", List.of("core"))))).isFalse();
        assertThat(x.excludes(entry(null, -1, Map.of()))).isFalse();
    }
}
