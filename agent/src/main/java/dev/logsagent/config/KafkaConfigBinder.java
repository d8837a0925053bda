package dev.logsagent.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.logsagent.config.ConfigKeys.*;

/**
 * Binds {@code logs_config.kafka} and checks what no single key can: the keys that are required together, and
 * that the key and trust stores can be read.
 */
final class KafkaConfigBinder {
    private KafkaConfigBinder() {
    }

    /** The Kafka destination's settings, or null when {@code logs_config.kafka} is absent (or refused). */
    static KafkaConfig bind(ConfigLoader.Values values) {
        ConfigNode kafka = values.root().at(KAFKA);
        if (!kafka.expectMapping()) {
            return null;
        }
        kafka.warnUnknownKeys(namesUnder(KAFKA));
        ConfigNode securityNode = kafka.field("security");
        if (securityNode.expectMapping()) {
            securityNode.warnUnknownKeys(namesUnder(KAFKA_SECURITY));
        }
        boolean valid = true;
        List<String> servers = values.get(KAFKA_BOOTSTRAP_SERVERS);
        ConfigNode serversNode = kafka.field("bootstrap_servers");
        if (servers.isEmpty()) {
            serversNode.error("bootstrap_servers is required (host:port of at least one broker)");
            valid = false;
        }
        for (String server : servers) {
            if (!isHostPort(server)) {
                serversNode.error("expected host:port (port 1-65535), got '" + server + "'");
                valid = false;
            }
        }
        String topic = values.get(KAFKA_TOPIC);
        if (topic == null || topic.isBlank()) {
            kafka.field("topic").error("topic is required");
            valid = false;
        } else if (!isTopicName(topic)) {
            kafka.field("topic").error("not a valid Kafka topic name: '" + topic
                    + "' (letters, digits, '.', '_' and '-', at most 249 characters)");
            valid = false;
        }
        // Every key is read, even after a problem, so that all problems are reported together.
        KafkaConfig.Compression compression = values.get(KAFKA_COMPRESSION);
        KafkaConfig.Acks acks = values.get(KAFKA_ACKS);
        String clientId = values.get(KAFKA_CLIENT_ID);
        Map<String, String> producer = values.get(KAFKA_PRODUCER);
        KafkaConfig.Security security = bindSecurity(values, securityNode);
        if (!valid || security == null) {
            return null;
        }
        return new KafkaConfig(servers, topic, compression, acks, clientId, security, producer);
    }

    private static KafkaConfig.Security bindSecurity(ConfigLoader.Values values, ConfigNode node) {
        KafkaConfig.Protocol protocol = values.get(KAFKA_SECURITY_PROTOCOL);
        KafkaConfig.SaslMechanism mechanism = values.get(KAFKA_SASL_MECHANISM);
        String truststorePassword = values.get(KAFKA_SSL_TRUSTSTORE_PASSWORD);
        String keystorePassword = values.get(KAFKA_SSL_KEYSTORE_PASSWORD);
        String keyPassword = values.get(KAFKA_SSL_KEY_PASSWORD);
        boolean valid = true;
        if (protocol.usesSasl()) {
            valid = required(values, KAFKA_SASL_USERNAME, node, protocol);
            valid &= required(values, KAFKA_SASL_PASSWORD, node, protocol);
        }
        Path truststore = values.path(KAFKA_SSL_TRUSTSTORE_PATH);
        Path keystore = values.path(KAFKA_SSL_KEYSTORE_PATH);
        valid &= readable(truststore, node.field("ssl_truststore_path"));
        valid &= readable(keystore, node.field("ssl_keystore_path"));
        if (!valid) {
            return null;
        }
        return new KafkaConfig.Security(protocol, mechanism, values.get(KAFKA_SASL_USERNAME),
                values.get(KAFKA_SASL_PASSWORD), truststore, truststorePassword, keystore, keystorePassword,
                keyPassword);
    }

    private static boolean required(ConfigLoader.Values values, ConfigKey<String> key, ConfigNode security,
                                    KafkaConfig.Protocol protocol) {
        String value = values.get(key);
        if (value != null && !value.isEmpty()) {
            return true;
        }
        String name = key.path().substring(key.path().lastIndexOf('.') + 1);
        security.field(name).error(name + " is required with protocol " + protocol);
        return false;
    }

    private static boolean readable(Path file, ConfigNode node) {
        if (file == null || Files.isReadable(file)) {
            return true;
        }
        node.error("cannot read " + file);
        return false;
    }

    /** Kafka's own rule; checked here so that a typo is refused at start rather than dropping every log. */
    private static boolean isTopicName(String topic) {
        if (topic.length() > 249 || topic.equals(".") || topic.equals("..")) {
            return false;
        }
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            boolean legal = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.'
                    || c == '_' || c == '-';
            if (!legal) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHostPort(String server) {
        int colon = server.lastIndexOf(':');
        if (colon <= 0 || colon == server.length() - 1 || server.length() - colon > 6) {
            return false;
        }
        for (int i = colon + 1; i < server.length(); i++) {
            if (!Character.isDigit(server.charAt(i))) {
                return false;
            }
        }
        int port = Integer.parseInt(server.substring(colon + 1));
        return port >= 1 && port <= 65535;
    }
}
