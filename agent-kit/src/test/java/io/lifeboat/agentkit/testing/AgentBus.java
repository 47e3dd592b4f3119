package io.lifeboat.agentkit.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.lifeboat.events.Topics;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.testkit.kafka.KafkaBroker;
import io.lifeboat.testkit.process.Await;

/**
 * What an agent's integration tests do on the shared broker: send a command and wait until the agent's consumer
 * group has committed past it (its outcome is final), then read the facts it caused.
 */
public final class AgentBus {

    /** Encodes commands and decodes facts. */
    public static final EventCodec CODEC = new EventCodec();
    /** How long a command may take to become final. */
    public static final Duration PATIENCE = Duration.ofSeconds(90);

    private final String group;

    /** A bus for the agent whose consumer group is {@code group}. */
    public AgentBus(String group) {
        this.group = group;
    }

    /** Sends the command and waits until the agent's group has committed past it. */
    public void sendAndAwait(Envelope<?> command) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            RecordMetadata sent = producer.send(CODEC.encode(command)).get();
            TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
            Await.until("commit past " + partition + "@" + sent.offset(), PATIENCE, () -> {
                OffsetAndMetadata committed = committed(partition);
                return committed != null && committed.offset() > sent.offset();
            }, () -> "committed: " + committed(partition));
        }
    }

    /** The decoded facts of {@code lifeboat.backup.events} caused by {@code command}, in order. */
    public static List<Envelope<?>> factsOf(Envelope<?> command) {
        return facts(f -> f.correlationId().equals(command.correlationId()));
    }

    /** The decoded facts of {@code lifeboat.backup.events} that match {@code filter}. */
    public static List<Envelope<?>> facts(Predicate<Envelope<?>> filter) {
        return events(Topics.BACKUP_EVENTS.name(), filter);
    }

    /** The decoded events of {@code topic} that match {@code filter}, from the beginning to the current end. */
    public static List<Envelope<?>> events(String topic, Predicate<Envelope<?>> filter) {
        return KafkaBroker.shared().readCommitted(topic, PATIENCE).stream().<Envelope<?>>map(CODEC::decode)
                .filter(filter).toList();
    }

    private OffsetAndMetadata committed(TopicPartition partition) {
        return KafkaBroker.shared().committedOffset(group, partition).orElse(null);
    }
}
