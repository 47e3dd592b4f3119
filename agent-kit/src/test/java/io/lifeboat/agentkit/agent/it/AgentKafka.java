package io.lifeboat.agentkit.agent.it;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.lifeboat.events.Engine;
import io.lifeboat.events.Topics;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.testkit.kafka.KafkaBroker;
import io.lifeboat.testkit.process.Await;

/** What the agent tests do on the broker: send commands, read facts and dead letters, read committed offsets. */
final class AgentKafka {

    static final EventCodec CODEC = new EventCodec();
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private AgentKafka() {
    }

    static Envelope<RunBackup> runBackup(String targetId) {
        return Envelope.of(Envelope.sourceOf("scheduler-service"), new RunBackup(UUID.randomUUID().toString(),
                targetId, Engine.FILESYSTEM, BackupType.FULL, "agent-kit-test", null, null, 1));
    }

    /** Sends records and returns where each landed. */
    static List<RecordMetadata> send(List<ProducerRecord<String, byte[]>> records) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            List<java.util.concurrent.Future<RecordMetadata>> sent = new ArrayList<>();
            records.forEach(record -> sent.add(producer.send(record)));
            List<RecordMetadata> result = new ArrayList<>();
            for (var future : sent) {
                result.add(future.get());
            }
            return result;
        }
    }

    static RecordMetadata send(Envelope<?> command) throws Exception {
        return send(List.of(CODEC.encode(command))).get(0);
    }

    /** Every record of {@code topic} so far, read with {@code isolation.level=read_committed}. */
    static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            Instant deadline = Instant.now().plus(PATIENCE);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The decoded facts of {@code lifeboat.backup.events} that match {@code filter}. */
    static List<Envelope<?>> facts(Predicate<Envelope<?>> filter) {
        return readAll(Topics.BACKUP_EVENTS.name()).stream().<Envelope<?>>map(CODEC::decode).filter(filter)
                .toList();
    }

    /** Waits until the agent's group has committed past {@code record}: its outcome is final. */
    static void awaitCommitted(RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Await.until("commit past " + partition + "@" + record.offset(), PATIENCE, () -> {
            OffsetAndMetadata committed = committed(partition);
            return committed != null && committed.offset() > record.offset();
        }, () -> "committed: " + committed(partition));
    }

    static OffsetAndMetadata committed(TopicPartition partition) {
        try (Admin admin = KafkaBroker.shared().newAdmin()) {
            return admin.listConsumerGroupOffsets(AgentTestResource.GROUP).partitionsToOffsetAndMetadata().get()
                    .get(partition);
        } catch (Exception e) {
            throw new IllegalStateException("unable to read offsets of group " + AgentTestResource.GROUP, e);
        }
    }
}
