package dev.logsagent.logs.message;

/**
 * One generation of one input (a file until it is rotated away, a connection, a journal): its registry key and what
 * the registry stores beside the offset. Every message read from that generation points to the same instance, so
 * the sender can tell a draining rotated file's acknowledgements from those of the file now at the same path.
 */
public final class InputIdentity {
    private final String identifier;
    private final String tailingMode;
    private volatile String fingerprint;
    private volatile boolean superseded;

    /**
     * @param identifier  the registry key, e.g. {@code file:/var/log/app.log}
     * @param tailingMode how the input was started ({@code beginning}, {@code end} ...), kept in the registry
     */
    public InputIdentity(String identifier, String tailingMode) {
        this.identifier = identifier;
        this.tailingMode = tailingMode;
    }

    public String identifier() {
        return identifier;
    }

    public String tailingMode() {
        return tailingMode;
    }

    /** Identifies the content of this generation (see FileFingerprint), or null when not known yet. */
    public String fingerprint() {
        return fingerprint;
    }

    public void setFingerprint(String fingerprint) {
        this.fingerprint = fingerprint;
    }

    /** True once a newer generation owns the identifier: this one's offsets must no longer reach the registry. */
    public boolean superseded() {
        return superseded;
    }

    public void supersede() {
        this.superseded = true;
    }

    @Override
    public String toString() {
        return identifier;
    }
}
