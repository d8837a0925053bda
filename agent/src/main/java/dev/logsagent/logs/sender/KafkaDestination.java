package dev.logsagent.logs.sender;

import dev.logsagent.config.KafkaConfig;
import dev.logsagent.telemetry.LogsMetrics;
import dev.logsagent.util.retry.BackoffPolicy;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Extension: sends each log as one Kafka record (the same JSON object as in the HTTP payload; key
 * {@code <hostname>/<ddsource>}) to {@code logs_config.kafka.topic}. {@link #send} returns only once the broker
 * acknowledged every record of the payload, so offsets move only over logs Kafka has. While the broker is down
 * the records wait in the producer and {@code send} blocks, which holds the pipeline back: nothing is dropped.
 * Records the broker refuses for good (authentication, authorization, too large, invalid topic) are dropped and
 * counted, like the HTTP intake's 4xx; anything else is retried with the sender backoff, through a new producer
 * if the old one is broken.
 */
public final class KafkaDestination implements Destination {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaDestination.class);
    /** {@code client.id} must be unique per producer in a JVM (metrics, JMX), and each pipeline has its own. */
    private static final AtomicInteger PRODUCERS = new AtomicInteger();
    /** How often a send waiting for acknowledgements updates the state; it warns after 8, 16, 32 ... s. */
    private static final long REPORT_WAIT_SECONDS = 1;
    private static final long FIRST_WARNING_SECONDS = 8;
    /**
     * The agent closes destinations only after every payload was settled or the grace period ran out: what is
     * still in the producer then is unacknowledged and will be read again, so there is nothing to wait for.
     */
    private static final Duration CLOSE_TIMEOUT = Duration.ZERO;

    private enum Failure { RETRY, DROP, RESET }

    private final KafkaConfig config;
    private final String name;
    private final String clientId;
    private final BackoffPolicy backoff;
    private final LogsMetrics metrics;
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicReference<String> state = new AtomicReference<>("idle");
    private final Object lock = new Object();
    private Producer<byte[], byte[]> producer;
    private boolean closed;

    public KafkaDestination(KafkaConfig config, BackoffPolicy backoff, LogsMetrics metrics) {
        this.config = config;
        this.name = "kafka://" + String.join(",", config.bootstrapServers()) + "/" + config.topic();
        this.clientId = (config.clientId() == null ? "logs-agent" : config.clientId()) + "-"
                + PRODUCERS.incrementAndGet();
        this.backoff = backoff;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DeliveryResult send(Payload payload) throws InterruptedException {
        KafkaRecordKey keys = new KafkaRecordKey();
        int[] pending = new int[payload.count()];
        Arrays.setAll(pending, i -> i);
        Attempt total = new Attempt();
        boolean firstTry = true;
        while (pending.length > 0) {
            int errorCount = errors.get();
            if (errorCount > 0) {
                Thread.sleep(backoff.delay(errorCount));
            }
            if (!firstTry) {
                retries.incrementAndGet();
                metrics.retryCount.inc();
            }
            firstTry = false;
            Producer<byte[], byte[]> p;
            try {
                p = producer();
            } catch (KafkaException e) {
                failed("cannot create the producer: " + e.getMessage());
                continue;
            }
            pending = attempt(p, payload, pending, keys, total);
        }
        metrics.encodedBytesSent.inc(total.bytes);
        if (total.refused > 0) {
            dropped.incrementAndGet();
            if (total.refused == payload.count()) {
                return DeliveryResult.DROPPED;
            }
        }
        errors.updateAndGet(backoff::decreaseError);
        sent.incrementAndGet();
        state.set("connected");
        return DeliveryResult.DELIVERED;
    }

    /** What the attempts at one payload achieved so far. */
    private static final class Attempt {
        long bytes;
        int refused;
    }

    /**
     * Sends the pending records once and waits for each; returns those to try again. Earlier records are settled
     * before later ones are resent, so a payload's records keep their order.
     */
    private int[] attempt(Producer<byte[], byte[]> p, Payload payload, int[] pending, KafkaRecordKey keys,
                          Attempt total) throws InterruptedException {
        List<Future<RecordMetadata>> futures = new ArrayList<>(pending.length);
        Throwable broken = null;
        for (int index : pending) {
            try {
                futures.add(p.send(record(payload, index, keys)));
            } catch (InterruptException e) {
                throw interrupted(e);
            } catch (KafkaException | IllegalStateException e) {
                // Not a refusal of this record: the producer itself is unusable.
                broken = e;
                break;
            }
        }
        long start = System.nanoTime();
        int[] retry = new int[pending.length];
        int retrying = 0;
        Throwable transientFailure = null;
        Throwable refusal = null;
        int refused = 0;
        for (int i = 0; i < futures.size(); i++) {
            Throwable failure = await(futures.get(i), start, futures.size() - i);
            if (failure == null) {
                total.bytes += payload.recordEnds()[pending[i]] - payload.recordStarts()[pending[i]];
                continue;
            }
            switch (classify(failure)) {
                case RETRY -> transientFailure = failure;
                case RESET -> broken = failure;
                case DROP -> {
                    refusal = failure;
                    refused++;
                    continue;
                }
            }
            retry[retrying++] = pending[i];
        }
        for (int i = futures.size(); i < pending.length; i++) {
            retry[retrying++] = pending[i];
        }
        if (refused > 0) {
            total.refused += refused;
            state.set("dropping: " + refusal);
            LOG.error("{} refused {} logs for good, dropped: {}", name, refused, refusal.toString());
        }
        if (broken != null) {
            reset(p, broken);
        } else if (transientFailure != null) {
            failed(transientFailure.toString());
        }
        return Arrays.copyOf(retry, retrying);
    }

    private ProducerRecord<byte[], byte[]> record(Payload payload, int index, KafkaRecordKey keys) {
        int start = payload.recordStarts()[index];
        int end = payload.recordEnds()[index];
        return new ProducerRecord<>(config.topic(), keys.of(payload.body(), start, end),
                Arrays.copyOfRange(payload.body(), start, end));
    }

    /** The record's failure, or null once the broker acknowledged it; reports a long wait in the state. */
    private Throwable await(Future<RecordMetadata> future, long since, int unacknowledged)
            throws InterruptedException {
        long warnAt = FIRST_WARNING_SECONDS;
        while (true) {
            try {
                future.get(REPORT_WAIT_SECONDS, TimeUnit.SECONDS);
                return null;
            } catch (ExecutionException e) {
                return e.getCause();
            } catch (TimeoutException e) {
                long waited = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);
                state.set("waiting for the broker: " + unacknowledged + " logs unacknowledged for " + waited + " s");
                if (waited >= warnAt) {
                    LOG.warn("{}: no acknowledgement for {} s; logs wait (is the broker up?)", name, waited);
                    warnAt *= 2;
                }
            }
        }
    }

    private static Failure classify(Throwable failure) {
        if (failure instanceof RetriableException || failure instanceof SslAuthenticationException) {
            return Failure.RETRY;
        }
        if (failure instanceof AuthenticationException || failure instanceof AuthorizationException
                || failure instanceof RecordTooLargeException || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidTopicException || failure instanceof InvalidRecordException
                || failure instanceof SerializationException) {
            return Failure.DROP;
        }
        return Failure.RESET;
    }

    private Producer<byte[], byte[]> producer() throws InterruptedException {
        synchronized (lock) {
            if (closed) {
                throw new InterruptedException(name + " is closed");
            }
            if (producer == null) {
                producer = new KafkaProducer<>(KafkaProducerProperties.of(config, clientId));
            }
            return producer;
        }
    }

    /** Closes a broken producer so that the next attempt builds a new one; a newer producer is left alone. */
    private void reset(Producer<byte[], byte[]> broken, Throwable cause) {
        failed("producer failed, replacing it: " + cause);
        synchronized (lock) {
            if (producer != broken) {
                return;
            }
            producer = null;
        }
        broken.close(Duration.ZERO);
    }

    private void failed(String reason) {
        int n = errors.updateAndGet(backoff::increaseError);
        metrics.destinationErrors.labelValues(name).inc();
        state.set("retrying: " + reason);
        if (n == 1 || Integer.bitCount(n) == 1) {
            LOG.warn("{}: {}; retrying with backoff", name, reason);
        }
    }

    private static InterruptedException interrupted(InterruptException e) {
        InterruptedException interrupted = new InterruptedException(e.getMessage());
        interrupted.initCause(e);
        return interrupted;
    }

    @Override
    public DestinationStatus status() {
        return new DestinationStatus(name, state.get(), true, sent.get(), dropped.get(),
                retries.get() + producerRetries());
    }

    /** Retries the producer made inside itself, such as resending after a broker restart. */
    private long producerRetries() {
        Producer<byte[], byte[]> p;
        synchronized (lock) {
            p = producer;
        }
        if (p == null) {
            return 0;
        }
        for (var metric : p.metrics().entrySet()) {
            if (metric.getKey().name().equals("record-retry-total")
                    && metric.getKey().group().equals("producer-metrics")
                    && metric.getValue().metricValue() instanceof Number n) {
                return n.longValue();
            }
        }
        return 0;
    }

    @Override
    public void close() {
        Producer<byte[], byte[]> p;
        synchronized (lock) {
            closed = true;
            p = producer;
            producer = null;
        }
        if (p != null) {
            p.close(CLOSE_TIMEOUT);
        }
    }
}
