package io.lifeboat.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaBrokerIT {

    private final KafkaBroker broker = KafkaBroker.shared();

    @Test
    void consumesWhatWasProducedWithHeaders() throws Exception {
        String topic = "lifeboat.test.roundtrip";
        broker.createTopic(topic, 3, false);
        try (var producer = producer(broker.bootstrapServers())) {
            for (int i = 0; i < 5; i++) {
                var record = new ProducerRecord<>(topic, "target-" + i, "backup-" + i);
                record.headers().add("ce_type", "io.lifeboat.test.v1".getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_id", ("id-" + i).getBytes(StandardCharsets.UTF_8));
                producer.send(record).get(10, TimeUnit.SECONDS);
            }
        }

        List<ConsumerRecord<String, String>> received = consume(broker.bootstrapServers(), topic, 5);

        assertThat(received).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder("target-0", "target-1", "target-2", "target-3", "target-4");
        for (ConsumerRecord<String, String> record : received) {
            String n = record.key().substring("target-".length());
            assertThat(record.value()).isEqualTo("backup-" + n);
            assertThat(header(record, "ce_type")).isEqualTo("io.lifeboat.test.v1");
            assertThat(header(record, "ce_id")).isEqualTo("id-" + n);
        }
    }

    @Test
    void createsACompactedTopicOnceAndReportsItsCleanupPolicy() throws Exception {
        String topic = "lifeboat.test.compacted";
        broker.createTopic(topic, 2, true);
        broker.createTopic(topic, 2, true);

        try (Admin admin = broker.newAdmin()) {
            var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(Set.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
            var description = admin.describeTopics(Set.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic);

            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            assertThat(description.partitions()).hasSize(2);
        }
    }

    static KafkaProducer<String, String> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer());
    }

    static List<ConsumerRecord<String, String>> consume(String bootstrapServers, String topic, int count) {
        var config = Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + topic + "-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (received.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
        }
        return received;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
