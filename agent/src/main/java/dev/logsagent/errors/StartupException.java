package dev.logsagent.errors;

/** A component could not start (port in use, unwritable folder ...); the message is one line for the user. */
public final class StartupException extends AgentException {
    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
