package io.lifeboat.dr.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Topics;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.testkit.kafka.KafkaBroker;

/**
 * Publishing to and reading from the broker the way the orchestrator's neighbours do.
 */
final class DrKafka implements AutoCloseable {

    private static final EventCodec CODEC = new EventCodec();

    private final KafkaBroker broker;
    private final KafkaProducer<String, byte[]> producer;

    DrKafka(KafkaBroker broker) {
        this.broker = broker;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
                new ByteArraySerializer());
    }

    /** Creates the topics the orchestrator reads and writes, the run log compacted. */
    static void createTopics(KafkaBroker broker) {
        for (String topic : List.of(Topics.HEALTH.name(), Topics.POLICIES.name(), Topics.DR_COMMANDS.name(),
                Topics.DR_EVENTS.name(), Topics.COMMANDS_POSTGRES.name())) {
            broker.createTopic(topic, 1, false);
        }
        broker.createTopic(Topics.DR_RUNS.name(), 1, true);
    }

    /** Publishes messages and waits for the broker's acknowledgement. */
    void send(LifeboatMessage... messages) {
        try {
            for (LifeboatMessage message : messages) {
                producer.send(CODEC.encode(Envelope.of(Envelope.sourceOf("test"), message))).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("unable to publish: " + e.getCause(), e.getCause());
        }
    }

    /** Every committed message of a type about a target on a topic, in order. */
    <T extends LifeboatMessage> List<T> read(String topic, Class<T> type, String targetId) {
        return broker.readCommitted(topic, Duration.ofSeconds(10)).stream()
                .filter(record -> record.value() != null && record.headers().lastHeader("ce_type") != null)
                .map(record -> CODEC.decode(record).payload()).filter(type::isInstance).map(type::cast)
                .filter(message -> message.targetId().equals(targetId)).toList();
    }

    @Override
    public void close() {
        producer.close();
    }
}
