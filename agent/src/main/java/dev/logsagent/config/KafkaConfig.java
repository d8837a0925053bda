package dev.logsagent.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Extension: {@code logs_config.kafka}, a Kafka topic as a destination (beside the intake, or alone).
 *
 * @param bootstrapServers {@code host:port} of the brokers to start from
 * @param clientId         the producers' {@code client.id} prefix; null for the default
 * @param producer         extra producer properties, applied last (they win over everything above)
 */
public record KafkaConfig(List<String> bootstrapServers, String topic, Compression compression, Acks acks,
                          String clientId, Security security, Map<String, String> producer) {

    public KafkaConfig {
        bootstrapServers = List.copyOf(bootstrapServers);
        producer = Map.copyOf(producer);
    }

    /** {@code compression}: the producer's {@code compression.type}. */
    public enum Compression {
        NONE, GZIP, SNAPPY, LZ4, ZSTD;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code acks}: only {@code all} keeps the idempotent, nothing-lost guarantee. */
    public enum Acks {
        ALL("all"), LEADER("1"), NONE("0");

        private final String key;

        Acks(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** {@code security.protocol}, as Kafka names it. */
    public enum Protocol {
        PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL;

        public boolean usesSasl() {
            return this == SASL_PLAINTEXT || this == SASL_SSL;
        }

        public boolean usesTls() {
            return this == SSL || this == SASL_SSL;
        }
    }

    /** {@code security.sasl_mechanism}: the mechanisms that need only a user name and a password. */
    public enum SaslMechanism {
        PLAIN("PLAIN"), SCRAM_SHA_256("SCRAM-SHA-256"), SCRAM_SHA_512("SCRAM-SHA-512");

        private final String key;

        SaslMechanism(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /**
     * {@code logs_config.kafka.security}. Paths are null when not set; passwords are secrets, never printed.
     */
    public record Security(Protocol protocol, SaslMechanism saslMechanism, String saslUsername, String saslPassword,
                           Path truststorePath, String truststorePassword, Path keystorePath,
                           String keystorePassword, String keyPassword) {

        public static Security plaintext() {
            return new Security(Protocol.PLAINTEXT, SaslMechanism.PLAIN, null, null, null, null, null, null, null);
        }

        @Override
        public String toString() {
            return "Security[protocol=" + protocol + ", saslMechanism=" + saslMechanism.key() + ", saslUsername="
                    + saslUsername + ", saslPassword=" + hidden(saslPassword) + ", truststorePath=" + truststorePath
                    + ", keystorePath=" + keystorePath + "]";
        }

        private static String hidden(String secret) {
            return secret == null ? "none" : "[hidden]";
        }
    }

    @Override
    public String toString() {
        // Producer properties may carry credentials (sasl.jaas.config, ssl.*.password): names only.
        return "KafkaConfig[bootstrapServers=" + bootstrapServers + ", topic=" + topic + ", compression="
                + compression.key() + ", acks=" + acks.key() + ", clientId=" + clientId + ", security=" + security
                + ", producer=" + new TreeMap<>(producer).keySet() + "]";
    }
}
