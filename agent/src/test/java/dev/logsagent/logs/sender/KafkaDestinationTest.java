package dev.logsagent.logs.sender;

import dev.logsagent.config.KafkaConfig;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.telemetry.LogsMetrics;
import dev.logsagent.util.retry.BackoffPolicy;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Kafka destination against a real single-node KRaft broker running in the test JVM. */
class KafkaDestinationTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static KafkaTestBroker broker;

    private final LogsMetrics metrics = new LogsMetrics(new PrometheusRegistry());
    private final List<KafkaDestination> opened = new ArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaTestBroker.shared();
    }

    @AfterEach
    void closeDestinations() {
        opened.forEach(KafkaDestination::close);
    }

    private KafkaDestination destination(String bootstrapServers, String topic, Map<String, String> producer) {
        KafkaConfig config = new KafkaConfig(List.of(bootstrapServers.split(",")), topic,
                KafkaConfig.Compression.ZSTD, KafkaConfig.Acks.ALL, "test", KafkaConfig.Security.plaintext(),
                producer);
        KafkaDestination d = new KafkaDestination(config, new BackoffPolicy(0.05, 2, 0.5, 1, new Random(1)),
                metrics);
        opened.add(d);
        return d;
    }

    @Test
    void sendsEachLogAsOneRecordOfItsEncodedJsonKeyedByHostAndSource() throws Exception {
        broker.createTopic("logs-keys", 3);
        LogSource nginx = TestPayloads.source("nginx");
        LogSource app = TestPayloads.source("app");
        List<Payload> payloads = TestPayloads.encoded("web-1", "k", 600, 100, nginx, app);
        Map<String, String> encoded = new HashMap<>();
        for (Payload p : payloads) {
            for (int i = 0; i < p.count(); i++) {
                encoded.put(JSON.readTree(p.record(i)).get("message").asString(), p.record(i));
            }
        }
        KafkaDestination d = destination(broker.bootstrapServers(), "logs-keys", Map.of());

        for (Payload p : payloads) {
            assertThat(d.send(p)).isEqualTo(DeliveryResult.DELIVERED);
        }

        List<ConsumerRecord<byte[], byte[]>> records = broker.readAll("logs-keys");
        assertThat(records).hasSize(600);
        Map<String, List<Integer>> partitionsByKey = new LinkedHashMap<>();
        Map<String, List<String>> messagesByKey = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            String value = new String(r.value(), StandardCharsets.UTF_8);
            JsonNode log = JSON.readTree(value);
            String message = log.get("message").asString();
            String key = new String(r.key(), StandardCharsets.UTF_8);
            assertThat(value).as("the same bytes as the HTTP payload's record").isEqualTo(encoded.get(message));
            assertThat(log.get("hostname").asString()).isEqualTo("web-1");
            assertThat(log.get("service").asString()).isEqualTo(log.get("ddsource").asString() + "-svc");
            assertThat(log.get("ddtags").asString()).isEqualTo("env:test");
            assertThat(key).isEqualTo("web-1/" + log.get("ddsource").asString());
            partitionsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r.partition());
            messagesByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
        }
        assertThat(partitionsByKey.keySet()).containsExactlyInAnyOrder("web-1/nginx", "web-1/app");
        partitionsByKey.values().forEach(partitions -> assertThat(partitions).containsOnly(partitions.getFirst()));
        assertThat(messagesByKey.get("web-1/nginx"))
                .containsExactlyElementsOf(IntStream.range(0, 300).mapToObj(i -> "k-" + (2 * i)).toList());
        assertThat(messagesByKey.get("web-1/app"))
                .containsExactlyElementsOf(IntStream.range(0, 300).mapToObj(i -> "k-" + (2 * i + 1)).toList());
        DestinationStatus status = d.status();
        assertThat(status.name()).isEqualTo("kafka://" + broker.bootstrapServers() + "/logs-keys");
        assertThat(status.state()).isEqualTo("connected");
        assertThat(status.reliable()).isTrue();
        assertThat(status.payloadsSent()).isEqualTo(6);
        assertThat(status.payloadsDropped()).isZero();
    }

    @Test
    void brokerStoppedMidStreamHoldsSendsBackAndNothingIsLostOrDuplicated() throws Exception {
        broker.createTopic("logs-restart", 1);
        List<Payload> payloads = TestPayloads.encoded("web-1", "r", 3000, 100, TestPayloads.source("app"));
        KafkaDestination d = destination(broker.bootstrapServers(), "logs-restart", Map.of());
        AtomicInteger delivered = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread sender = Thread.ofVirtual().start(() -> {
            try {
                for (Payload p : payloads) {
                    assertThat(d.send(p)).isEqualTo(DeliveryResult.DELIVERED);
                    delivered.incrementAndGet();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered.get() >= 5);

        broker.stopBroker();
        await().atMost(Duration.ofSeconds(30)).until(() -> d.status().state().startsWith("waiting for the broker")
                || d.status().state().startsWith("retrying"));
        int whileDown = delivered.get();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> delivered.get() == whileDown);
        assertThat(whileDown).isLessThan(payloads.size());
        broker.startBroker();

        sender.join(Duration.ofSeconds(60));
        assertThat(failure.get()).isNull();
        assertThat(delivered.get()).isEqualTo(payloads.size());
        List<String> messages = broker.readAll("logs-restart").stream()
                .map(r -> JSON.readTree(r.value()).get("message").asString()).toList();
        assertThat(messages).containsExactlyElementsOf(IntStream.range(0, 3000).mapToObj(i -> "r-" + i).toList());
        assertThat(d.status().state()).isEqualTo("connected");
        assertThat(d.status().payloadsSent()).isEqualTo(payloads.size());
    }

    @Test
    void aLogTheBrokerRefusesForGoodIsDroppedAndCountedWhileTheOthersAreDelivered() throws Exception {
        broker.createTopic("logs-too-large", 1);
        KafkaDestination d = destination(broker.bootstrapServers(), "logs-too-large",
                Map.of("max.request.size", "2000"));
        String huge = "{\"message\":\"" + "x".repeat(5000) + "\",\"hostname\":\"web-1\"}";

        assertThat(d.send(TestPayloads.of(0, huge))).isEqualTo(DeliveryResult.DROPPED);
        assertThat(d.send(TestPayloads.of(1, "{\"message\":\"a\",\"hostname\":\"web-1\"}", huge,
                "{\"message\":\"b\",\"hostname\":\"web-1\"}"))).isEqualTo(DeliveryResult.DELIVERED);

        assertThat(broker.readAll("logs-too-large")).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("{\"message\":\"a\",\"hostname\":\"web-1\"}", "{\"message\":\"b\",\"hostname\":\"web-1\"}");
        assertThat(d.status().payloadsDropped()).isEqualTo(2);
        assertThat(d.status().payloadsSent()).isEqualTo(1);
        assertThat(d.status().state()).isEqualTo("connected");
    }

    @Test
    void withNoBrokerTheSendRetriesUntilItIsInterrupted() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        KafkaDestination d = destination("127.0.0.1:" + port, "logs-nowhere", Map.of("max.block.ms", "200"));
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread sender = Thread.ofVirtual().start(() -> {
            try {
                outcome.set(new AssertionError("returned " + d.send(TestPayloads.of(0, "{\"message\":\"a\"}"))));
            } catch (Throwable t) {
                outcome.set(t);
            }
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> d.status().retries() >= 2);
        assertThat(d.status().state()).startsWith("retrying: ").contains("TimeoutException");
        assertThat(metrics.destinationErrors.labelValues(d.name()).get()).isPositive();
        sender.interrupt();
        sender.join(Duration.ofSeconds(10));

        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void closedDestinationRefusesToSend() throws IOException {
        KafkaDestination d = destination(broker.bootstrapServers(), "logs-closed", Map.of());
        d.close();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> d.send(TestPayloads.of(0, "{\"message\":\"a\"}")))
                .isInstanceOf(InterruptedException.class).hasMessageContaining("closed");
    }
}
