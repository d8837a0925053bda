package dev.logsagent.logs.launchers.journald;

/**
 * One {@code FIELD=value} of {@code include_matches} or {@code exclude_matches}: entries whose field has that value.
 * Field names follow the journal's rule (upper-case letters, digits and underscores, not starting with a digit), as
 * journalctl would refuse anything else.
 */
public record JournalMatch(String field, String value) {

    /**
     * @param text  {@code FIELD=value}
     * @param where the key and index it was written at, for the error ({@code include_matches[1]})
     * @throws IllegalArgumentException naming {@code where} when the text is not a match
     */
    public static JournalMatch parse(String text, String where) {
        int eq = text.indexOf('=');
        if (eq <= 0 || !isFieldName(text, eq)) {
            throw new IllegalArgumentException(where + ": expected FIELD=value with FIELD made of A-Z, 0-9 and _, got '"
                    + text + "'");
        }
        return new JournalMatch(text.substring(0, eq), text.substring(eq + 1));
    }

    private static boolean isFieldName(String text, int end) {
        if (Character.isDigit(text.charAt(0))) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** As journalctl takes it on its command line. */
    @Override
    public String toString() {
        return field + "=" + value;
    }
}
