package dev.logsagent.logs.launchers.journald;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One journal entry as the agent uses it.
 *
 * @param cursor           {@code __CURSOR}, where reading resumes after this entry
 * @param realtimeMicros   {@code __REALTIME_TIMESTAMP}, 0 when absent
 * @param message          {@code MESSAGE} as UTF-8 (ill-formed bytes replaced by U+FFFD); empty when absent
 * @param priority         {@code PRIORITY} 0..7, or -1 when absent or not a number
 * @param syslogIdentifier {@code SYSLOG_IDENTIFIER}, or null
 * @param unit             {@code _SYSTEMD_UNIT}, or null
 * @param command          {@code _COMM}, or null
 * @param otherFields      every value of the other fields the parser was asked for (those of exclude_matches)
 */
public record JournalEntry(String cursor, long realtimeMicros, byte[] message, int priority, String syslogIdentifier,
                           String unit, String command, Map<String, List<String>> otherFields) {
    private static final String[] STATUSES = {
            "emergency", "alert", "critical", "error", "warn", "notice", "info", "debug"};

    /** The Datadog status of the entry's syslog priority; {@code info} when it has none. */
    public String status() {
        return priority >= 0 && priority < STATUSES.length ? STATUSES[priority] : "info";
    }

    /** The application the entry came from, as the Datadog Agent names it: identifier, unit, then command. */
    public String applicationName() {
        if (syslogIdentifier != null) {
            return syslogIdentifier;
        }
        return unit != null ? unit : command;
    }

    /** The values of a field the entry was read for (exclude_matches compare them); empty when it has none. */
    public List<String> values(String field) {
        String single = switch (field) {
            case JournalEntryParser.MESSAGE -> new String(message, StandardCharsets.UTF_8);
            case JournalEntryParser.PRIORITY -> priority >= 0 ? Integer.toString(priority) : null;
            case JournalEntryParser.SYSLOG_IDENTIFIER -> syslogIdentifier;
            case JournalEntryParser.SYSTEMD_UNIT -> unit;
            case JournalEntryParser.COMM -> command;
            default -> {
                List<String> values = otherFields.get(field);
                yield values == null || values.isEmpty() ? null : values.get(0);
            }
        };
        if (single == null) {
            return List.of();
        }
        List<String> others = otherFields.get(field);
        return others != null && others.size() > 1 ? others : List.of(single);
    }
}
