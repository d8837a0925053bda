package dev.logsagent.logs.diagnostic;

import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.sources.LogSource;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The tap behind {@code stream-logs}: the pipeline publishes each processed log here, and each subscriber gets the
 * ones matching its filter as JSON lines. With nobody listening, the pipeline's whole cost is
 * {@link #hasSubscribers()}.
 */
public final class StreamLogsBroker {
    private static final ObjectWriter WRITER = JsonMapper.builder().build().writerFor(StreamedLog.class);

    private final Clock clock;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private volatile boolean hasSubscribers;

    /** @param clock gives the timestamp of logs whose own timestamp is still unset */
    public StreamLogsBroker(Clock clock) {
        this.clock = clock;
    }

    /** A single volatile read, meant to be called for every message before {@link #publish}. */
    public boolean hasSubscribers() {
        return hasSubscribers;
    }

    /** Hands the log to every matching subscriber without ever waiting for one. */
    public void publish(LogSource source, Message message) {
        String line = null;
        for (Subscription subscription : subscriptions) {
            if (subscription.filter().matches(source)) {
                if (line == null) {
                    line = render(source, message);
                }
                subscription.offer(line);
            }
        }
    }

    /** @param capacity logs held for this subscriber before further ones are skipped */
    public Subscription subscribe(Filter filter, int capacity) {
        Subscription subscription = new Subscription(filter, capacity, this::unsubscribe);
        synchronized (subscriptions) {
            subscriptions.add(subscription);
            hasSubscribers = true;
        }
        return subscription;
    }

    private void unsubscribe(Subscription subscription) {
        synchronized (subscriptions) {
            subscriptions.remove(subscription);
            hasSubscribers = !subscriptions.isEmpty();
        }
    }

    /** The JSON line a subscriber receives for this log. */
    String render(LogSource source, Message message) {
        List<String> sourceTags = source.config().tags();
        List<String> tags = sourceTags;
        if (!message.tags().isEmpty()) {
            tags = new ArrayList<>(sourceTags.size() + message.tags().size());
            tags.addAll(sourceTags);
            tags.addAll(message.tags());
        }
        long timestamp = message.timestamp() != 0 ? message.timestamp() : clock.millis();
        return WRITER.writeValueAsString(new StreamedLog(message.contentAsString(), message.status(),
                source.config().service(), source.config().source(), source.config().type().key(), tags, timestamp));
    }
}
