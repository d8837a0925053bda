package dev.logsagent.logs.sender;

import dev.logsagent.config.KafkaConfig;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.HashMap;
import java.util.Map;

/**
 * The producer properties for {@code logs_config.kafka}: at-least-once without duplicates from retries
 * (idempotence, {@code acks=all}), and records that wait out a broker outage inside the producer, in order, rather
 * than expire: the destination's own retries cover only what the producer gives up on.
 */
final class KafkaProducerProperties {
    /** How long {@code send} may wait for metadata or buffer space before the destination retries with backoff. */
    static final int MAX_BLOCK_MS = 10_000;

    private KafkaProducerProperties() {
    }

    static Map<String, Object> of(KafkaConfig config, String clientId) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", config.bootstrapServers()));
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, config.acks().key());
        // Idempotence requires acks=all; with weaker acks the user chose speed over the guarantee.
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, config.acks() == KafkaConfig.Acks.ALL);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.compression().key());
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS);
        security(config.security(), p);
        p.putAll(config.producer());
        return p;
    }

    private static void security(KafkaConfig.Security security, Map<String, Object> p) {
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, security.protocol().name());
        if (security.protocol().usesSasl()) {
            p.put(SaslConfigs.SASL_MECHANISM, security.saslMechanism().key());
            String module = security.saslMechanism() == KafkaConfig.SaslMechanism.PLAIN
                    ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            p.put(SaslConfigs.SASL_JAAS_CONFIG, module + " required username=" + quoted(security.saslUsername())
                    + " password=" + quoted(security.saslPassword()) + ";");
        }
        if (security.truststorePath() != null) {
            p.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, security.truststorePath().toString());
            putIfSet(p, SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, security.truststorePassword());
        }
        if (security.keystorePath() != null) {
            p.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, security.keystorePath().toString());
            putIfSet(p, SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, security.keystorePassword());
            putIfSet(p, SslConfigs.SSL_KEY_PASSWORD_CONFIG, security.keyPassword());
        }
    }

    private static void putIfSet(Map<String, Object> p, String key, String value) {
        if (value != null) {
            p.put(key, value);
        }
    }

    /** A JAAS option value: quoted, with quotes and backslashes escaped as its parser expects. */
    static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
