package dev.logsagent.autodiscovery.listeners.docker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A live {@code GET /events} subscription: a virtual thread reads the daemon's events, one JSON object after
 * another wherever the chunks split them, and hands each to the consumer, in order.
 *
 * <p>The stream ends when the daemon ends it, when the connection fails, or on {@link #close()}. {@link #ended()}
 * tells which, and {@link #resumeFrom()} is the {@code since} to reconnect with so that no event is missed and
 * none is delivered twice.
 */
public final class EventStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

    private final DockerConnection connection;
    private final InputStream body;
    private final ObjectReader reader;
    private final Consumer<DockerEvent> consumer;
    private final String where;
    private final CompletableFuture<Instant> ended = new CompletableFuture<>();
    private final Thread thread;
    private volatile Instant resumeFrom;
    private volatile boolean closing;

    private EventStream(DockerConnection connection, InputStream body, ObjectReader reader, Instant since,
                        Consumer<DockerEvent> consumer, String where) {
        this.connection = connection;
        this.body = body;
        this.reader = reader;
        this.consumer = consumer;
        this.where = where;
        this.resumeFrom = since;
        this.thread = Thread.ofVirtual().name("docker-events").unstarted(this::readEvents);
    }

    /** Starts reading a response whose head said 200; the stream owns the connection from here on. */
    static EventStream start(DockerConnection connection, InputStream body, ObjectReader reader, Instant since,
                             Consumer<DockerEvent> consumer, String where) {
        EventStream stream = new EventStream(connection, body, reader, since, consumer, where);
        stream.thread.start();
        return stream;
    }

    /**
     * Completes with {@link #resumeFrom()} when the daemon ends the stream or the caller closes it; completes
     * exceptionally with the {@link IOException} when the connection fails (the daemon going away without ending
     * the stream included) or an event is malformed, and with the consumer's exception if it throws one.
     * Whichever way it ends, reconnecting with {@link #resumeFrom()} picks up where this stream stopped.
     */
    public CompletableFuture<Instant> ended() {
        return ended.copy();
    }

    /** Just after the last event the consumer accepted, or the {@code since} asked for when none came yet. */
    public Instant resumeFrom() {
        return resumeFrom;
    }

    public boolean isOpen() {
        return !ended.isDone();
    }

    /**
     * Disconnects from the daemon. Waits for an event being delivered to the consumer, so no event is delivered
     * after this returns (unless called from the consumer itself).
     */
    @Override
    public void close() {
        closing = true;
        connection.close();
        if (Thread.currentThread() != thread) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ended.complete(resumeFrom);
    }

    private void readEvents() {
        try (MappingIterator<JsonNode> events = reader.readValues(body)) {
            while (events.hasNextValue()) {
                JsonNode node = events.nextValue();
                if (!node.isObject()) {
                    throw new IOException("docker at " + where + " sent an event that is not a JSON object: "
                            + node);
                }
                DockerEvent event = DockerEvent.fromJson(node);
                if (!deliver(event)) {
                    return;
                }
                Instant next = event.time().plusNanos(1);
                if (next.isAfter(resumeFrom)) {
                    resumeFrom = next;
                }
            }
            ended.complete(resumeFrom);
        } catch (JacksonIOException e) {
            end(e.getCause());
        } catch (JacksonException e) {
            end(new IOException("docker at " + where + " sent a malformed event: " + e.getOriginalMessage(), e));
        } catch (IOException e) {
            end(e);
        } finally {
            connection.close();
        }
    }

    private boolean deliver(DockerEvent event) {
        try {
            consumer.accept(event);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("docker events from {}: the consumer failed on {} {} {}; the stream stops", where,
                    event.type(), event.action(), event.id(), e);
            ended.completeExceptionally(e);
            return false;
        }
    }

    private void end(IOException failure) {
        if (closing) {
            ended.complete(resumeFrom);
        } else {
            ended.completeExceptionally(failure);
        }
    }
}
