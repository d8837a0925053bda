package dev.logsagent.logs.sender;

import dev.logsagent.serializer.Compression;
import dev.logsagent.telemetry.LogsMetrics;
import dev.logsagent.util.retry.BackoffPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.SequencedMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * POSTs payloads to a Datadog-compatible intake ({@code /api/v2/logs}). Network errors, 408, 429 and 5xx are
 * retried forever with the sender backoff policy; any other 4xx means the payload can never be accepted
 * (bad key, too large ...), so it is dropped and counted rather than blocking the pipeline for good.
 *
 * <p>Requests go through {@link IntakeHttpClient} (keep-alive connections, the body written straight from the
 * payload). TLS trusts the JVM's default trust store, so {@code -Djavax.net.ssl.trustStore=...} (through
 * {@code LOGS_AGENT_JAVA_OPTS}) adds a private CA; the intake's host name is verified against its certificate.
 */
public final class HttpDestination implements Destination {
    private static final Logger LOG = LoggerFactory.getLogger(HttpDestination.class);

    private final URI uri;
    private final Compression compression;
    private final BackoffPolicy backoff;
    private final LogsMetrics metrics;
    private final IntakeHttpClient client;
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicReference<String> state = new AtomicReference<>("idle");

    public HttpDestination(URI uri, String apiKey, Compression compression, BackoffPolicy backoff,
                           LogsMetrics metrics, String userAgent, Duration timeout) {
        // The default TLS context (trust store loaded) only when needed: it costs start-up time.
        this(uri, apiKey, compression, backoff, metrics, userAgent, timeout,
                "https".equalsIgnoreCase(uri.getScheme()) ? (SSLSocketFactory) SSLSocketFactory.getDefault() : null);
    }

    /** @param tls the TLS socket factory (trust store) for an https intake; null for http */
    HttpDestination(URI uri, String apiKey, Compression compression, BackoffPolicy backoff, LogsMetrics metrics,
                    String userAgent, Duration timeout, SSLSocketFactory tls) {
        this.uri = uri;
        this.compression = compression;
        this.backoff = backoff;
        this.metrics = metrics;
        SequencedMap<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("DD-PROTOCOL", "agent-json");
        headers.put("User-Agent", userAgent);
        if (apiKey != null && !apiKey.isEmpty()) {
            headers.put("DD-API-KEY", apiKey);
        }
        if (compression.contentEncoding() != null) {
            headers.put("Content-Encoding", compression.contentEncoding());
        }
        this.client = new IntakeHttpClient(uri, headers, tls, timeout);
    }

    @Override
    public String name() {
        return uri.toString();
    }

    @Override
    public DeliveryResult send(Payload payload) throws InterruptedException {
        byte[] body;
        int length;
        if (compression.contentEncoding() == null) {
            body = payload.body();
            length = payload.length();
        } else {
            body = payload.compressedBody(compression);
            length = body.length;
        }
        boolean firstTry = true;
        while (true) {
            int errorCount = errors.get();
            if (errorCount > 0) {
                Thread.sleep(backoff.delay(errorCount));
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (!firstTry) {
                retries.incrementAndGet();
                metrics.retryCount.inc();
            }
            firstTry = false;
            int status;
            try {
                status = client.post(body, 0, length).status();
            } catch (IOException e) {
                // Interrupting a thread blocked on a socket closes the socket: the stop, not a network error.
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                failed("network error: " + e);
                continue;
            }
            metrics.httpResponses.labelValues(name(), Integer.toString(status)).inc();
            if (status >= 200 && status < 300) {
                errors.updateAndGet(backoff::decreaseError);
                sent.incrementAndGet();
                metrics.encodedBytesSent.inc(length);
                state.set("connected");
                return DeliveryResult.DELIVERED;
            }
            if (status >= 500 || status == 408 || status == 429) {
                failed("HTTP " + status);
                continue;
            }
            dropped.incrementAndGet();
            state.set("dropping: HTTP " + status);
            LOG.error("{} refused a payload of {} logs with HTTP {}: dropped (check api_key and logs_dd_url)",
                    name(), payload.count(), status);
            return DeliveryResult.DROPPED;
        }
    }

    private void failed(String reason) {
        int n = errors.updateAndGet(backoff::increaseError);
        metrics.destinationErrors.labelValues(name()).inc();
        state.set("retrying: " + reason);
        if (n == 1 || Integer.bitCount(n) == 1) {
            LOG.warn("{}: {}; retrying with backoff", name(), reason);
        }
    }

    @Override
    public DestinationStatus status() {
        return new DestinationStatus(name(), state.get(), true, sent.get(), dropped.get(), retries.get());
    }

    @Override
    public void close() {
        client.close();
    }
}
