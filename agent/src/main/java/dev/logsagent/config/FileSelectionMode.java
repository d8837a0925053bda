package dev.logsagent.config;

/**
 * Which files win when more match than {@code open_files_limit} allows ({@code file_wildcard_selection_mode}, as in
 * the Datadog Agent).
 */
public enum FileSelectionMode {
    /** Reverse lexicographic order of the path, so {@code app.log} beats {@code app.log.1}. */
    BY_NAME("by_name"),
    /** Most recently modified first. */
    BY_MODIFICATION_TIME("by_modification_time");

    private final String key;

    FileSelectionMode(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
