package io.lifeboat.scheduler.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.testkit.kafka.KafkaBroker;

/**
 * Talks to the scheduler under test through the real broker: publishes commands and facts as other systems and the
 * agents do, and reads back what the scheduler committed.
 */
final class SchedulerKafka {

    private static final EventCodec CODEC = new EventCodec();

    private SchedulerKafka() {
    }

    /** Publishes messages, each as a CloudEvent keyed by its target, and waits for the broker's acknowledgement. */
    static void send(String bootstrap, LifeboatMessage... messages) {
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
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

    /** Every committed message of one type on {@code topic} so far. */
    static <T extends LifeboatMessage> List<T> read(KafkaBroker broker, String topic, Class<T> type) {
        List<T> messages = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : broker.readCommitted(topic, Duration.ofSeconds(10))) {
            if (record.value() != null) {
                LifeboatMessage payload = CODEC.decode(record).payload();
                if (type.isInstance(payload)) {
                    messages.add(type.cast(payload));
                }
            }
        }
        return messages;
    }

    static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
    }
}
