package dev.logsagent.logs.sender;

import com.github.luben.zstd.Zstd;
import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.message.Origin;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.serializer.Compression;
import dev.logsagent.serializer.LogEncoder;
import dev.logsagent.telemetry.LogsMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SenderTest {
    private static final int LOGS = 3_000;
    private static final int PER_PAYLOAD = 100;
    private static final Pattern MESSAGE = Pattern.compile("\"message\":\"([^\"]*)\"");

    @Test
    void reusesPayloadArraysOnceEveryDestinationDeliveredThem() throws Exception {
        RecordingDestination intake = new RecordingDestination("intake");
        PayloadBuffers buffers = new PayloadBuffers(3);
        List<Origin> committed = new CopyOnWriteArrayList<>();
        Sender sender = new Sender(List.of(intake), List.of(), 2, committed::add, metrics(), buffers,
                Compression.none());

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
        Sender sender = new Sender(List.of(intake), List.of(unreliable), 2, o -> { }, metrics(), buffers,
                Compression.none());

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

    @Test
    void compressesEachPayloadOnceBeforeItsArrayIsReused() throws Exception {
        Compression zstd = Compression.zstd(1);
        RecordingDestination intake = new RecordingDestination("intake", zstd);
        RecordingDestination secondIntake = new RecordingDestination("second", zstd);
        PayloadBuffers buffers = new PayloadBuffers(3);
        Sender sender = new Sender(List.of(intake, secondIntake), List.of(), 2, o -> { }, metrics(), buffers, zstd);

        sendLogs(sender, buffers);

        assertThat(sender.awaitIdle(System.nanoTime() + Duration.ofSeconds(10).toNanos())).isTrue();
        assertThat(intake.records).containsExactlyInAnyOrderElementsOf(expectedRecords());
        assertThat(secondIntake.records).containsExactlyInAnyOrderElementsOf(expectedRecords());
        assertThat(intake.compressedBodies).as("one compression per payload, shared by both intakes")
                .containsExactlyInAnyOrderElementsOf(secondIntake.compressedBodies);
        sender.abort();
    }

    private static void sendLogs(Sender sender, PayloadBuffers buffers) throws InterruptedException {
        LogSource source = TestPayloads.source("app");
        InputIdentity input = new InputIdentity("file:/var/log/app.log", "beginning");
        BatchStrategy batch = new BatchStrategy(PER_PAYLOAD, 5_000_000, Duration.ofSeconds(5),
                new LogEncoder("host", List.of()), sender, System::nanoTime, buffers);
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

    /**
     * Keeps the message of every record it is sent (read at send time, from the compressed body when it has a
     * compression) and which arrays carried them.
     */
    private static final class RecordingDestination implements Destination {
        private final String name;
        private final Compression compression;
        final List<String> records = new CopyOnWriteArrayList<>();
        final Set<byte[]> bodies = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
        final Set<byte[]> compressedBodies =
                Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

        RecordingDestination(String name) {
            this(name, Compression.none());
        }

        RecordingDestination(String name, Compression compression) {
            this.name = name;
            this.compression = compression;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public synchronized DeliveryResult send(Payload payload) {
            bodies.add(payload.body());
            String body;
            if (compression.contentEncoding() == null) {
                body = new String(payload.body(), 0, payload.length(), StandardCharsets.UTF_8);
            } else {
                byte[] compressed = payload.compressedBody(compression);
                compressedBodies.add(compressed);
                body = new String(Zstd.decompress(compressed, payload.length()), StandardCharsets.UTF_8);
            }
            Matcher m = MESSAGE.matcher(body);
            while (m.find()) {
                records.add(m.group(1));
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
