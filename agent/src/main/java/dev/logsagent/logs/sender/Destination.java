package dev.logsagent.logs.sender;

/**
 * Where payloads go: an HTTP intake, a TCP intake, Kafka, the console, a file. {@link #send} blocks until the
 * payload is delivered or refused for good, retrying transient failures itself; it is called from several
 * threads at once when {@code batch_max_concurrent_send} allows.
 */
public interface Destination extends AutoCloseable {
    /** A name for status and logs, never containing secrets. */
    String name();

    DeliveryResult send(Payload payload) throws InterruptedException;

    DestinationStatus status();

    @Override
    void close();
}
