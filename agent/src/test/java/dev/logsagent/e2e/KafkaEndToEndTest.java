package dev.logsagent.e2e;

import dev.logsagent.logs.sender.KafkaTestBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The real agent with Kafka as its only destination, against a real broker running in the test JVM. */
class KafkaEndToEndTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Test
    void kafkaAloneReceivesEveryLineOnceReportsInStatusAndNothingGoesToTheConsole(@TempDir Path dir)
            throws Exception {
        KafkaTestBroker broker = KafkaTestBroker.shared();
        broker.createTopic("e2e-logs", 2);
        Path log = dir.resolve("app.log");
        LogLines.append(log, "k", 0, 3000);
        try (AgentHarness h = new AgentHarness(dir)) {
            h.apiKey = null;
            h.logsConfig.remove("logs_dd_url");
            h.logsConfig.remove("logs_no_ssl");
            h.logsConfig.put("kafka", Map.of("bootstrap_servers", broker.bootstrapServers(), "topic", "e2e-logs",
                    "client_id", "e2e"));
            h.fileSource("shop", log.toString(), null);
            h.start();

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> broker.readAll("e2e-logs").size() >= 3000 || !h.agent().isAlive());
            List<String> messages = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r : broker.readAll("e2e-logs")) {
                JsonNode value = JSON.readTree(r.value());
                assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("e2e-host/shop-src");
                assertThat(value.get("ddsource").asString()).isEqualTo("shop-src");
                messages.add(value.get("message").asString());
            }
            LogLines.assertExactlyOnceInOrder(messages, "k", 3000);
            JsonNode stats = h.status().get("logsStats");
            assertThat(stats.get("metrics").get("LogsSent").asLong()).isEqualTo(3000);
            List<JsonNode> destinations = new ArrayList<>();
            stats.get("destinations").forEach(destinations::add);
            assertThat(destinations).isNotEmpty().allSatisfy(d -> {
                assertThat(d.get("name").asString()).isEqualTo("kafka://" + broker.bootstrapServers() + "/e2e-logs");
                assertThat(d.get("counters").has("PayloadsSent")).isTrue();
            });
            assertThat(destinations).anySatisfy(d -> {
                assertThat(d.get("state").asString()).isEqualTo("connected");
                assertThat(d.get("counters").get("PayloadsSent").asLong()).isPositive();
            });

            assertThat(h.agent().stop()).isZero();
            assertThat(h.registry().get("Registry").get("file:" + log).get("Offset").asString())
                    .isEqualTo(Long.toString(Files.size(log)));
            assertThat(h.output()).doesNotContain("{\"message\":");
        }
    }
}
