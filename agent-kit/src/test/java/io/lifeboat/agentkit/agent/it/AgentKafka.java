package io.lifeboat.agentkit.agent.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
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
        return KafkaBroker.shared().readCommitted(topic, PATIENCE);
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
        return KafkaBroker.shared().committedOffset(AgentTestResource.GROUP, partition).orElse(null);
    }
}
