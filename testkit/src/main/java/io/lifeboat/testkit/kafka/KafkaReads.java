package io.lifeboat.testkit.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What tests read back from a broker: every committed record of a topic so far, and a group's committed offset. */
final class KafkaReads {

    private KafkaReads() {
    }

    /** Every record of {@code topic} up to its current end, read with {@code isolation.level=read_committed}. */
    static List<ConsumerRecord<String, byte[]>> committedRecords(String bootstrapServers, String topic,
            Duration patience) {
        return committedRecords(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topic, patience);
    }

    /** The same, through a client configured with {@code client} (bootstrap servers and security settings). */
    static List<ConsumerRecord<String, byte[]>> committedRecords(Map<String, ?> client, String topic,
            Duration patience) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            Instant deadline = Instant.now().plus(patience);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The offset {@code group} has committed for {@code partition}, if any. */
    static Optional<OffsetAndMetadata> committedOffset(Admin admin, String group, TopicPartition partition) {
        try {
            return Optional.ofNullable(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .get(partition));
        } catch (Exception e) {
            throw new IllegalStateException("unable to read the offsets of consumer group '" + group + "': " + e, e);
        }
    }
}
