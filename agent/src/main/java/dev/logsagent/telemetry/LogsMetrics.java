package dev.logsagent.telemetry;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The logs pipeline's counters, named as in the Datadog Agent's status page, exported as Prometheus metrics
 * {@code logs_*} and read back for the status document.
 */
public final class LogsMetrics {
    public final Counter logsDecoded;
    public final Counter logsProcessed;
    public final Counter logsSent;
    public final Counter logsDropped;
    public final Counter logsTruncated;
    public final Counter bytesSent;
    public final Counter encodedBytesSent;
    public final Counter bytesMissed;
    public final Counter retryCount;
    public final Counter destinationErrors;
    public final Counter httpResponses;
    public final Histogram senderLatency;

    public LogsMetrics(PrometheusRegistry registry) {
        logsDecoded = counter(registry, "logs_decoded", "Logs cut out of their input by the decoders.");
        logsProcessed = counter(registry, "logs_processed", "Logs that went through the processing rules.");
        logsSent = counter(registry, "logs_sent", "Logs acknowledged by the reliable destinations.");
        logsDropped = counter(registry, "logs_dropped", "Logs dropped as undeliverable (400, 401, 403, 413).");
        logsTruncated = counter(registry, "logs_truncated", "Lines cut because they exceeded max_message_size_bytes.");
        bytesSent = counter(registry, "logs_bytes_sent", "Bytes of log content acknowledged, before encoding.");
        encodedBytesSent = counter(registry, "logs_encoded_bytes_sent", "Bytes sent on the wire, after compression.");
        bytesMissed = counter(registry, "logs_bytes_missed", "Bytes of input that could not be read (file gone).");
        retryCount = counter(registry, "logs_retry_count", "Payload sends that were retried.");
        destinationErrors = Counter.builder().name("logs_destination_errors")
                .help("Failed sends per destination.").labelNames("destination").register(registry);
        httpResponses = Counter.builder().name("logs_http_responses")
                .help("HTTP responses from the intake by status code.").labelNames("destination", "code")
                .register(registry);
        // Exemplars look for a tracing span on every observation: costly and meaningless here.
        senderLatency = Histogram.builder().name("logs_sender_latency").unit(Unit.SECONDS).withoutExemplars()
                .help("Time from a payload's first send attempt to its acknowledgement.").register(registry);
    }

    private static Counter counter(PrometheusRegistry registry, String name, String help) {
        return Counter.builder().name(name).help(help).register(registry);
    }

    /** The counters of the status document, under their Datadog names. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("LogsDecoded", (long) logsDecoded.get());
        out.put("LogsProcessed", (long) logsProcessed.get());
        out.put("LogsSent", (long) logsSent.get());
        out.put("LogsDropped", (long) logsDropped.get());
        out.put("LogsTruncated", (long) logsTruncated.get());
        out.put("BytesSent", (long) bytesSent.get());
        out.put("EncodedBytesSent", (long) encodedBytesSent.get());
        out.put("BytesMissed", (long) bytesMissed.get());
        out.put("RetryCount", (long) retryCount.get());
        return out;
    }
}
