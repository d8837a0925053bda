package dev.logsagent.logs.launchers.journald;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalctlCommandTest {
    private static final String FIELDS = "--output-fields=MESSAGE,PRIORITY,SYSLOG_IDENTIFIER,_SYSTEMD_UNIT,_COMM";

    private static JournaldSourceConfig config(String path, List<String> units, List<String> matches,
                                               List<String> excludeMatches) {
        return new JournaldSourceConfig(path, units, List.of(),
                matches.stream().map(m -> JournalMatch.parse(m, "m")).toList(),
                excludeMatches.stream().map(m -> JournalMatch.parse(m, "m")).toList());
    }

    @Test
    void followsAFileFromTheBeginningInJson(@TempDir Path dir) {
        Path file = dir.resolve("a.journal");
        JournalctlCommand command = new JournalctlCommand("journalctl",
                config(file.toString(), List.of(), List.of(), List.of()), "ab".repeat(16));

        assertThat(command.follow(JournalPosition.beginning())).containsExactly("journalctl", "--output=json",
                "--all", "--no-pager", "--quiet", "--file=" + file, FIELDS, "--follow", "--merge", "--no-tail");
    }

    @Test
    void aFolderIsReadWithDirectoryAndACursorResumesAfterIt(@TempDir Path dir) {
        JournalctlCommand command = new JournalctlCommand("/usr/bin/journalctl",
                config(dir.toString(), List.of(), List.of(), List.of()), null);

        assertThat(command.follow(JournalPosition.afterCursor("s=1;i=2")))
                .contains("--directory=" + dir).endsWith("--after-cursor=s=1;i=2");
    }

    @Test
    void unitsAndMatchesBecomeJournalctlMatchesAndExcludedFieldsAreRead() {
        JournalctlCommand command = new JournalctlCommand("journalctl", config("/j", List.of("a.service",
                "b.service"), List.of("TEAM=core"), List.of("CHANNEL=debug", "MESSAGE=x")), null);

        assertThat(command.follow(JournalPosition.beginning())).endsWith("--no-tail",
                "_SYSTEMD_UNIT=a.service", "_SYSTEMD_UNIT=b.service", "TEAM=core");
        assertThat(command.lastEntry()).contains(FIELDS + ",CHANNEL").endsWith("--merge", "--lines=1",
                "_SYSTEMD_UNIT=a.service", "_SYSTEMD_UNIT=b.service", "TEAM=core");
    }

    @Test
    void theSystemJournalIsKeptToThisMachine() {
        String machine = "0123456789abcdef0123456789abcdef";
        JournalctlCommand command = new JournalctlCommand("journalctl",
                config(null, List.of("a.service"), List.of(), List.of()), machine);

        List<String> args = command.follow(JournalPosition.beginning());
        assertThat(args).noneMatch(a -> a.startsWith("--file") || a.startsWith("--directory"))
                .endsWith("_SYSTEMD_UNIT=a.service", "_MACHINE_ID=" + machine);
    }

    @Test
    void theEndMustBeResolvedToACursorFirst() {
        JournalctlCommand command = new JournalctlCommand("journalctl",
                config(null, List.of(), List.of(), List.of()), null);

        assertThatThrownBy(() -> command.follow(JournalPosition.end())).isInstanceOf(IllegalArgumentException.class);
    }
}
