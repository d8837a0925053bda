package dev.logsagent.errors;

/**
 * Sending to a remote end failed.
 *
 * @see #statusCode() the HTTP status, or 0 for a network error with no response
 */
public final class TransportException extends AgentException {
    private final int statusCode;
    private final boolean retryable;

    public TransportException(String message, int statusCode, boolean retryable, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
        this.retryable = retryable;
    }

    /** A failure with no response at all (connection refused, reset, timed out). */
    public static TransportException network(String message, Throwable cause) {
        return new TransportException(message, 0, true, cause);
    }

    public int statusCode() {
        return statusCode;
    }

    /** True when sending the same payload again may succeed (network errors, 408, 429, 5xx). */
    public boolean retryable() {
        return retryable;
    }
}
