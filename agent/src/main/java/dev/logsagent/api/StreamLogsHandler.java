package dev.logsagent.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.logsagent.logs.diagnostic.Filter;
import dev.logsagent.logs.diagnostic.StreamLogsBroker;
import dev.logsagent.logs.diagnostic.Subscription;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /agent/stream-logs?service=&source=&type=}: a chunked answer of one JSON line per processed log, live,
 * until the client goes away or the server stops. When the client reads too slowly, the logs it missed are announced
 * by a line {@code {"skipped": N}} at the place of the gap.
 */
final class StreamLogsHandler implements HttpHandler {
    /** Logs held for one slow client before further ones are skipped. */
    static final int BACKLOG = 10_000;

    private final StreamLogsBroker broker;
    private final Set<Subscription> open = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    StreamLogsHandler(StreamLogsBroker broker) {
        this.broker = broker;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        Filter filter = new Filter(query.get("service"), query.get("source"), query.get("type"));
        Subscription subscription = broker.subscribe(filter, BACKLOG);
        open.add(subscription);
        if (stopped) {
            subscription.close();
        }
        exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
        exchange.sendResponseHeaders(200, 0);
        try (subscription; OutputStream body = exchange.getResponseBody()) {
            body.flush();
            Subscription.Batch batch;
            while ((batch = subscription.next()) != null) {
                for (String line : batch.lines()) {
                    body.write(line.getBytes(StandardCharsets.UTF_8));
                    body.write('\n');
                }
                if (batch.skipped() > 0) {
                    body.write(("{\"skipped\":" + batch.skipped() + "}\n").getBytes(StandardCharsets.US_ASCII));
                }
                body.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // The client closing the connection is how a stream normally ends.
        } finally {
            open.remove(subscription);
        }
    }

    /** Ends every open stream, so that the server can stop without waiting for clients. */
    void stop() {
        stopped = true;
        open.forEach(Subscription::close);
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> out = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return out;
    }
}
