package io.lifeboat.catalog.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.testkit.kafka.KafkaBroker;

/**
 * Talks to the catalog under test through the real broker: publishes facts as agents do, reads back what the
 * catalog committed.
 */
public final class CatalogKafka {

    private static final EventCodec CODEC = new EventCodec();

    private CatalogKafka() {
    }

    /** Publishes facts, each as a CloudEvent keyed by its target, and waits for the broker's acknowledgement. */
    public static void send(String bootstrap, LifeboatMessage... facts) {
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            for (LifeboatMessage fact : facts) {
                producer.send(CODEC.encode(Envelope.of(Envelope.sourceOf("test"), fact))).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("unable to publish facts: " + e.getCause(), e.getCause());
        }
    }

    /** Publishes one record as it is. */
    public static void sendRaw(String bootstrap, ProducerRecord<String, byte[]> record) {
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("unable to publish a record: " + e.getCause(), e.getCause());
        }
    }

    /** Every committed message of one type on {@code topic} so far. */
    public static <T extends LifeboatMessage> List<T> read(KafkaBroker broker, String topic, Class<T> type) {
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
