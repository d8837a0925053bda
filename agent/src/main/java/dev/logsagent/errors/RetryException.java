package dev.logsagent.errors;

/** An attempt made through a {@code Retrier} failed; tells whether the retrier will try again. */
public final class RetryException extends AgentException {
    private final boolean permanent;

    public RetryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    /** True when no further attempt will be made. */
    public boolean permanent() {
        return permanent;
    }
}
