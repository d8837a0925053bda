package dev.logsagent.autodiscovery.listeners.docker;

import java.io.IOException;

/** The daemon answered a request with an HTTP error; carries the status and the daemon's own message. */
public final class DockerApiException extends IOException {
    private final int status;
    private final String daemonMessage;

    public DockerApiException(String request, int status, String daemonMessage) {
        super("docker answered " + request + " with HTTP " + status
                + (daemonMessage.isEmpty() ? "" : ": " + daemonMessage));
        this.status = status;
        this.daemonMessage = daemonMessage;
    }

    /** The HTTP status, as in 404 for an unknown container. */
    public int status() {
        return status;
    }

    /** What the daemon said (the {@code message} of its JSON error body), or empty. */
    public String daemonMessage() {
        return daemonMessage;
    }
}
