package dev.logsagent.config;

/**
 * {@code start_position} of a file source. The plain values apply only when the registry holds no offset for
 * the file; the {@code force*} values ignore the registry.
 */
public enum StartPosition {
    BEGINNING("beginning"), END("end"), FORCE_BEGINNING("forceBeginning"), FORCE_END("forceEnd");

    private final String key;

    StartPosition(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
