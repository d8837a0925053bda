package dev.logsagent.logs.launchers.journald;

import dev.logsagent.config.StartPosition;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournaldSourceConfigTest {

    @Test
    void readsFiltersFromTheSourceExtraKeys() {
        JournaldSourceConfig c = JournaldSourceConfig.of(TestJournal.source("j", Path.of("/var/log/journal"), null,
                StartPosition.END, Map.of("include_units", List.of("a.service"), "exclude_units", List.of("b"),
                        "include_matches", List.of("TEAM=core"), "exclude_matches", List.of("MESSAGE=a=b")))
                .config());

        assertThat(c.path()).isEqualTo("/var/log/journal");
        assertThat(c.identifier()).isEqualTo("journald:/var/log/journal");
        assertThat(c.includeUnits()).containsExactly("a.service");
        assertThat(c.excludeUnits()).containsExactly("b");
        assertThat(c.includeMatches()).containsExactly(new JournalMatch("TEAM", "core"));
        assertThat(c.excludeMatches()).containsExactly(new JournalMatch("MESSAGE", "a=b"));
    }

    @Test
    void withoutPathItIsTheSystemJournal() {
        JournaldSourceConfig c = JournaldSourceConfig.of(
                TestJournal.source("j", null, null, StartPosition.END, Map.of()).config());

        assertThat(c.path()).isNull();
        assertThat(c.identifier()).isEqualTo("journald:default");
    }

    @Test
    void aMatchThatIsNotFieldEqualsValueIsRefusedNamingItsKeyAndIndex() {
        var source = TestJournal.source("j", null, null, StartPosition.END,
                Map.of("exclude_matches", List.of("A=1", "lower=case")));

        assertThatThrownBy(() -> JournaldSourceConfig.of(source.config()))
                .hasMessage("exclude_matches[1]: expected FIELD=value with FIELD made of A-Z, 0-9 and _, got "
                        + "'lower=case'");
        assertThatThrownBy(() -> JournalMatch.parse("NOEQUALS", "include_matches[0]"))
                .hasMessageStartingWith("include_matches[0]");
        assertThatThrownBy(() -> JournalMatch.parse("=v", "m")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JournalMatch.parse("1A=v", "m")).isInstanceOf(IllegalArgumentException.class);
    }
}
