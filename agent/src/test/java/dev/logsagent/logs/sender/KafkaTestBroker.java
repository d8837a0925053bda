package dev.logsagent.logs.sender;

import ch.qos.logback.classic.Level;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real single-node KRaft Kafka (one combined broker and controller) in the test JVM, from Kafka's own test kit,
 * with helpers to create topics, read them back, and stop and restart the broker (it comes back on the same port).
 * Starting one takes seconds, so the test classes share one; each test uses its own topic.
 */
public final class KafkaTestBroker {
    private static KafkaTestBroker shared;

    private final KafkaClusterTestKit cluster;

    private KafkaTestBroker() throws Exception {
        // The broker's own INFO logging is thousands of lines per test.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("kafka")).setLevel(Level.WARN);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("state.change.logger")).setLevel(Level.WARN);
        TestKitNodes nodes = new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                .setNumControllerNodes(1).build();
        cluster = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
    }

    /** The broker of this test JVM, started on first use and closed when the JVM exits. */
    public static synchronized KafkaTestBroker shared() throws Exception {
        if (shared == null) {
            KafkaTestBroker broker = new KafkaTestBroker();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-test-broker-close"));
            shared = broker;
        }
        return shared;
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    public void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = cluster.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

    private BrokerServer broker() {
        return cluster.brokers().values().iterator().next();
    }

    public void stopBroker() {
        broker().shutdown();
        broker().awaitShutdown();
    }

    public void startBroker() throws Exception {
        broker().startup();
        cluster.waitForReadyBrokers();
    }

    /** Every record of the topic, from its start up to the end offsets of now, in partition order. */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " up to " + ends);
                }
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        return records;
    }

    private void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the test broker", e);
        }
    }
}
