package dev.logsagent.logs.launchers.journald;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The journalctl command lines that read one journald source: one JSON object per entry, only the fields the agent
 * uses, include filters as journalctl matches (exclusions are applied by the tailer, journalctl has no negation).
 */
public final class JournalctlCommand {
    /** Fields every entry is read for: content, status and the service fallbacks. */
    static final List<String> ENTRY_FIELDS = List.of(
            JournalEntryParser.MESSAGE, JournalEntryParser.PRIORITY, JournalEntryParser.SYSLOG_IDENTIFIER,
            JournalEntryParser.SYSTEMD_UNIT, JournalEntryParser.COMM);

    private final String executable;
    private final JournaldSourceConfig config;
    private final String localMachineId;

    /**
     * @param localMachineId this machine's id, to keep the system journal to its own entries (journalctl would
     *                       otherwise merge in the journals of containers kept beside it); null to read all
     */
    public JournalctlCommand(String executable, JournaldSourceConfig config, String localMachineId) {
        this.executable = executable;
        this.config = config;
        this.localMachineId = localMachineId;
    }

    /** Follows the journal from the beginning or from just after a cursor, until killed. */
    public List<String> follow(JournalPosition from) {
        List<String> args = common();
        // Without --merge, --follow reads the current boot only: a restart after a reboot would skip the end of the
        // previous boot. For a folder or a file it changes nothing else.
        args.add("--follow");
        args.add("--merge");
        args.add("--no-tail");
        switch (from.kind()) {
            case AFTER_CURSOR -> args.add("--after-cursor=" + from.cursor());
            case BEGINNING -> {
            }
            case END -> throw new IllegalArgumentException("resolve END to the last entry's cursor first");
        }
        args.addAll(matches());
        return args;
    }

    /** Prints the last entry the source selects (nothing for an empty journal): where END is right now. */
    public List<String> lastEntry() {
        List<String> args = common();
        args.add("--merge");
        args.add("--lines=1");
        args.addAll(matches());
        return args;
    }

    private List<String> common() {
        List<String> args = new ArrayList<>(List.of(executable, "--output=json", "--all", "--no-pager", "--quiet"));
        if (config.path() != null) {
            args.add((Files.isDirectory(Path.of(config.path())) ? "--directory=" : "--file=") + config.path());
        }
        args.add("--output-fields=" + String.join(",", outputFields()));
        return args;
    }

    private Set<String> outputFields() {
        Set<String> fields = new LinkedHashSet<>(ENTRY_FIELDS);
        config.excludeMatches().forEach(m -> fields.add(m.field()));
        return fields;
    }

    /** One journalctl term: the same field ORs (any of the units), different fields AND. */
    private List<String> matches() {
        List<String> args = new ArrayList<>();
        config.includeUnits().forEach(u -> args.add(JournalEntryParser.SYSTEMD_UNIT + "=" + u));
        config.includeMatches().forEach(m -> args.add(m.toString()));
        if (config.path() == null && localMachineId != null) {
            args.add("_MACHINE_ID=" + localMachineId);
        }
        return args;
    }
}
