package dev.logsagent.logs.launchers.journald;

import java.util.Objects;

/**
 * Where reading a journal starts: at its first entry, after its current last entry, or just after the entry a cursor
 * names (the last one read or delivered).
 *
 * @param cursor set only for {@link Kind#AFTER_CURSOR}
 */
public record JournalPosition(Kind kind, String cursor) {
    public enum Kind { BEGINNING, END, AFTER_CURSOR }

    public JournalPosition {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.AFTER_CURSOR) != (cursor != null)) {
            throw new IllegalArgumentException("a cursor goes with AFTER_CURSOR only: " + kind + ", " + cursor);
        }
    }

    public static JournalPosition beginning() {
        return new JournalPosition(Kind.BEGINNING, null);
    }

    public static JournalPosition end() {
        return new JournalPosition(Kind.END, null);
    }

    public static JournalPosition afterCursor(String cursor) {
        return new JournalPosition(Kind.AFTER_CURSOR, Objects.requireNonNull(cursor, "cursor"));
    }
}
