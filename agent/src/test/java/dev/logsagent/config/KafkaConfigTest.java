package dev.logsagent.config;

import dev.logsagent.errors.ConfigException;
import dev.logsagent.errors.ConfigProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code logs_config.kafka}: binding, defaults, the environment, and what is refused. */
class KafkaConfigTest {
    @TempDir
    Path dir;

    @Test
    void absentMeansNoKafka() {
        assertThat(ConfigLoader.load(null, Map.of()).config().logsConfig().kafka()).isNull();
    }

    @Test
    void minimalSectionTakesTheDefaults() throws IOException {
        Path file = write("""
                logs_config:
                  kafka:
                    bootstrap_servers: "k1:9092, k2:9092"
                    topic: logs
                """);

        LoadedConfig loaded = ConfigLoader.load(file, Map.of());

        assertThat(loaded.warnings()).isEmpty();
        KafkaConfig kafka = loaded.config().logsConfig().kafka();
        assertThat(kafka.bootstrapServers()).containsExactly("k1:9092", "k2:9092");
        assertThat(kafka.topic()).isEqualTo("logs");
        assertThat(kafka.compression()).isEqualTo(KafkaConfig.Compression.ZSTD);
        assertThat(kafka.acks()).isEqualTo(KafkaConfig.Acks.ALL);
        assertThat(kafka.clientId()).isNull();
        assertThat(kafka.security()).isEqualTo(KafkaConfig.Security.plaintext());
        assertThat(kafka.producer()).isEmpty();
    }

    @Test
    void bindsEveryKeyWithPathsBesideTheFile() throws IOException {
        Files.writeString(dir.resolve("trust.p12"), "x");
        Files.writeString(dir.resolve("key.p12"), "x");
        Path file = write("""
                logs_config:
                  kafka:
                    bootstrap_servers: [k1:9093]
                    topic: app.logs
                    compression: lz4
                    acks: 1
                    client_id: edge
                    security:
                      protocol: sasl_ssl
                      sasl_mechanism: SCRAM-SHA-256
                      sasl_username: agent
                      sasl_password: s3cret-pass
                      ssl_truststore_path: trust.p12
                      ssl_truststore_password: trust-pass
                      ssl_keystore_path: key.p12
                      ssl_keystore_password: store-pass
                      ssl_key_password: key-pass
                    producer:
                      linger.ms: 20
                      batch.size: 65536
                """);

        LoadedConfig loaded = ConfigLoader.load(file, Map.of());

        assertThat(loaded.warnings()).isEmpty();
        KafkaConfig kafka = loaded.config().logsConfig().kafka();
        assertThat(kafka).isEqualTo(new KafkaConfig(List.of("k1:9093"), "app.logs", KafkaConfig.Compression.LZ4,
                KafkaConfig.Acks.LEADER, "edge", new KafkaConfig.Security(KafkaConfig.Protocol.SASL_SSL,
                KafkaConfig.SaslMechanism.SCRAM_SHA_256, "agent", "s3cret-pass", dir.resolve("trust.p12"),
                "trust-pass", dir.resolve("key.p12"), "store-pass", "key-pass"),
                Map.of("linger.ms", "20", "batch.size", "65536")));
        assertThat(loaded.config().toString() + kafka).doesNotContain("s3cret-pass", "trust-pass", "store-pass",
                "key-pass").contains("k1:9093", "app.logs", "linger.ms");
    }

    @Test
    void environmentSetsEachKeyIncludingTheSecretAndTheProducerMap() {
        KafkaConfig kafka = ConfigLoader.load(null, Map.of(
                "DD_LOGS_CONFIG_KAFKA_BOOTSTRAP_SERVERS", "k1:9092,k2:9092",
                "DD_LOGS_CONFIG_KAFKA_TOPIC", "logs",
                "DD_LOGS_CONFIG_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "DD_LOGS_CONFIG_KAFKA_SECURITY_SASL_USERNAME", "agent",
                "DD_LOGS_CONFIG_KAFKA_SECURITY_SASL_PASSWORD", "from-env",
                "DD_LOGS_CONFIG_KAFKA_PRODUCER", "{\"linger.ms\": 5}")).config().logsConfig().kafka();

        assertThat(kafka.bootstrapServers()).containsExactly("k1:9092", "k2:9092");
        assertThat(kafka.security().protocol()).isEqualTo(KafkaConfig.Protocol.SASL_PLAINTEXT);
        assertThat(kafka.security().saslPassword()).isEqualTo("from-env");
        assertThat(kafka.producer()).containsExactly(Map.entry("linger.ms", "5"));
    }

    @Test
    void everyProblemIsReportedWithItsKey() throws IOException {
        Path file = write("""
                logs_config:
                  kafka:
                    bootstrap_servers: [k1, "k2:99999"]
                    topic: "logs/app"
                    compression: brotli
                    security:
                      protocol: SASL_SSL
                      sasl_username: agent
                      ssl_truststore_path: missing.p12
                    producer:
                      linger.ms: [1]
                """);

        List<String> problems = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file, Map.of()))
                .problems().stream().map(ConfigProblem::describe).toList();

        assertThat(problems).containsExactlyInAnyOrder(
                file + ":3:5: logs_config.kafka.bootstrap_servers: expected host:port (port 1-65535), got 'k1'",
                file + ":3:5: logs_config.kafka.bootstrap_servers: expected host:port (port 1-65535), got 'k2:99999'",
                file + ":4:5: logs_config.kafka.topic: not a valid Kafka topic name: 'logs/app' (letters, digits,"
                        + " '.', '_' and '-', at most 249 characters)",
                file + ":5:5: logs_config.kafka.compression: unknown value 'brotli'; expected one of none, gzip,"
                        + " snappy, lz4, zstd",
                file + ":6:5: logs_config.kafka.security.sasl_password: sasl_password is required with protocol"
                        + " SASL_SSL",
                file + ":9:7: logs_config.kafka.security.ssl_truststore_path: cannot read "
                        + dir.resolve("missing.p12"),
                file + ":11:7: logs_config.kafka.producer.linger.ms: expected a string, got a list");
    }

    @Test
    void aSectionWithoutServersOrTopicIsRefused() throws IOException {
        Path file = write("""
                logs_config:
                  kafka:
                    client_id: edge
                """);

        List<String> problems = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file, Map.of()))
                .problems().stream().map(ConfigProblem::message).toList();

        assertThat(problems).containsExactlyInAnyOrder(
                "bootstrap_servers is required (host:port of at least one broker)", "topic is required");
    }

    @Test
    void unknownKeysInTheSectionWarn() throws IOException {
        Path file = write("""
                logs_config:
                  kafka:
                    bootstrap_servers: k1:9092
                    topic: logs
                    topics: other
                    security:
                      protocl: SSL
                """);

        LoadedConfig loaded = ConfigLoader.load(file, Map.of());

        assertThat(loaded.warnings()).extracting(ConfigProblem::describe).containsExactlyInAnyOrder(
                file + ":5:5: logs_config.kafka.topics: unknown key, ignored",
                file + ":7:7: logs_config.kafka.security.protocl: unknown key, ignored");
        assertThat(loaded.config().logsConfig().kafka().security().protocol())
                .isEqualTo(KafkaConfig.Protocol.PLAINTEXT);
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("datadog.yaml"), content);
    }
}
