package dev.logsagent.errors;

/** Root of the agent's own errors, so callers can branch on type rather than on message text. */
public abstract sealed class AgentException extends RuntimeException
        permits ConfigException, RetryException, TransportException, StartupException {

    protected AgentException(String message) {
        super(message);
    }

    protected AgentException(String message, Throwable cause) {
        super(message, cause);
    }
}
