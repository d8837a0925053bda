package dev.logsagent.logs.sender;

import dev.logsagent.config.KafkaConfig;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;

import javax.security.auth.login.AppConfigurationEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaProducerPropertiesTest {

    private static KafkaConfig config(KafkaConfig.Acks acks, KafkaConfig.Security security,
                                      Map<String, String> producer) {
        return new KafkaConfig(List.of("k1:9092", "k2:9093"), "logs", KafkaConfig.Compression.LZ4, acks, null,
                security, producer);
    }

    @Test
    void idempotentAcksAllRecordsThatNeverExpireByDefault() {
        Map<String, Object> p = KafkaProducerProperties.of(
                config(KafkaConfig.Acks.ALL, KafkaConfig.Security.plaintext(), Map.of()), "logs-agent-1");

        assertThat(p).containsEntry("bootstrap.servers", "k1:9092,k2:9093")
                .containsEntry("client.id", "logs-agent-1")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .containsEntry("compression.type", "lz4")
                .containsEntry("delivery.timeout.ms", Integer.MAX_VALUE)
                .containsEntry("security.protocol", "PLAINTEXT")
                .doesNotContainKeys("sasl.jaas.config", "ssl.truststore.location");
    }

    @Test
    void weakerAcksTurnIdempotenceOff() {
        Map<String, Object> p = KafkaProducerProperties.of(
                config(KafkaConfig.Acks.LEADER, KafkaConfig.Security.plaintext(), Map.of()), "c");

        assertThat(p).containsEntry("acks", "1").containsEntry("enable.idempotence", false);
    }

    @Test
    void saslScramWithTlsStoresBuildsAJaasConfigKafkaCanParse() {
        KafkaConfig.Security security = new KafkaConfig.Security(KafkaConfig.Protocol.SASL_SSL,
                KafkaConfig.SaslMechanism.SCRAM_SHA_512, "agent", "pa\"ss\\word", Path.of("/etc/kafka/trust.p12"),
                "trustpw", Path.of("/etc/kafka/key.p12"), "keypw", "keypass");

        Map<String, Object> p = KafkaProducerProperties.of(config(KafkaConfig.Acks.ALL, security, Map.of()), "c");

        assertThat(p).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/kafka/trust.p12")
                .containsEntry("ssl.truststore.password", "trustpw")
                .containsEntry("ssl.keystore.location", "/etc/kafka/key.p12")
                .containsEntry("ssl.keystore.password", "keypw")
                .containsEntry("ssl.key.password", "keypass");
        AppConfigurationEntry entry = JaasContext.loadClientContext(Map.of("sasl.jaas.config",
                new Password((String) p.get("sasl.jaas.config")))).configurationEntries().getFirst();
        assertThat(entry.getLoginModuleName()).isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule");
        assertThat(entry.getOptions().get("username")).isEqualTo("agent");
        assertThat(entry.getOptions().get("password")).isEqualTo("pa\"ss\\word");
    }

    @Test
    void producerPropertiesWinOverEverythingElse() {
        Map<String, Object> p = KafkaProducerProperties.of(config(KafkaConfig.Acks.ALL,
                KafkaConfig.Security.plaintext(), Map.of("linger.ms", "50", "compression.type", "gzip")), "c");

        assertThat(p).containsEntry("linger.ms", "50").containsEntry("compression.type", "gzip");
    }
}
