package dev.logsagent.logs.sender;

import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.message.Origin;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.serializer.Compression;
import dev.logsagent.serializer.LogEncoder;
import dev.logsagent.telemetry.LogsMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SenderTest {
    private static final int LOGS = 3_000;
    private static final int PER_PAYLOAD = 100;

    @Test
    void reusesPayloadArraysOnceEveryDestinationDeliveredThem() throws Exception {
        RecordingDestination intake = new RecordingDestination("intake");
        PayloadBuffers buffers = new PayloadBuffers(3);
        List<Origin> committed = new CopyOnWriteArrayList<>();
        Sender sender = new Sender(List.of(intake), List.of(), 2, committed::add, metrics(), buffers);

        sendLogs(sender, buffers);

        assertThat(sender.awaitIdle(System.nanoTime() + Duration.ofSeconds(10).toNanos())).isTrue();
        assertThat(intake.records).containsExactlyInAnyOrderElementsOf(expectedRecords());
        assertThat(intake.bodies.size()).as("distinct payload arrays").isLessThan(LOGS / PER_PAYLOAD);
        assertThat(committed.getLast().offset()).isEqualTo(LOGS);
        sender.abort();
    }

    @Test
    void neverReusesArraysABestEffortDestinationMayStillRead() throws Exception {
        RecordingDestination intake = new RecordingDestination("intake");
        RecordingDestination bestEffort = new RecordingDestination("archive");
        UnreliableDestination unreliable = new UnreliableDestination(bestEffort, 1_000);
        PayloadBuffers buffers = new PayloadBuffers(3);
        Sender sender = new Sender(List.of(intake), List.of(unreliable), 2, o -> { }, metrics(), buffers);

        sendLogs(sender, buffers);

        assertThat(sender.awaitIdle(System.nanoTime() + Duration.ofSeconds(10).toNanos())).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> bestEffort.records.size() == LOGS);
        assertThat(bestEffort.records).containsExactlyInAnyOrderElementsOf(expectedRecords());
        assertThat(intake.records).containsExactlyInAnyOrderElementsOf(expectedRecords());
        assertThat(intake.bodies).hasSize(LOGS / PER_PAYLOAD);
        assertThat(buffers.size()).isZero();
        sender.abort();
        unreliable.close();
    }

    private static void sendLogs(Sender sender, PayloadBuffers buffers) throws InterruptedException {
        LogSource source = TestPayloads.source("app");
        InputIdentity input = new InputIdentity("file:/var/log/app.log", "beginning");
        BatchStrategy batch = new BatchStrategy(PER_PAYLOAD, 5_000_000, Duration.ofSeconds(5),
                new LogEncoder("host", List.of()), sender, System::nanoTime, buffers, Compression.none());
        for (int i = 1; i <= LOGS; i++) {
            batch.add(Message.of("log-" + i, new Origin(source, input, i)));
        }
        batch.flush();
    }

    private static List<String> expectedRecords() {
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= LOGS; i++) {
            expected.add("log-" + i);
        }
        return expected;
    }

    private static LogsMetrics metrics() {
        return new LogsMetrics(new PrometheusRegistry());
    }

    /** Keeps the message of every record it is sent (read at send time) and which arrays carried them. */
    private static final class RecordingDestination implements Destination {
        private final String name;
        final List<String> records = new CopyOnWriteArrayList<>();
        final Set<byte[]> bodies = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

        RecordingDestination(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public synchronized DeliveryResult send(Payload payload) {
            bodies.add(payload.body());
            for (int i = 0; i < payload.count(); i++) {
                String record = payload.record(i);
                int start = record.indexOf("\"message\":\"") + 11;
                records.add(record.substring(start, record.indexOf('"', start)));
            }
            return DeliveryResult.DELIVERED;
        }

        @Override
        public DestinationStatus status() {
            return new DestinationStatus(name, "ok", true, 0, 0, 0);
        }

        @Override
        public void close() {
        }
    }
}
