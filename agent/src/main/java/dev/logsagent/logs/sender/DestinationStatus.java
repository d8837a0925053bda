package dev.logsagent.logs.sender;

/**
 * A destination as status shows it.
 *
 * @param state     "connected", "retrying: <last error>", "idle" ...
 * @param reliable  whether offsets wait for it
 */
public record DestinationStatus(String name, String state, boolean reliable, long payloadsSent,
                                long payloadsDropped, long retries) {
}
