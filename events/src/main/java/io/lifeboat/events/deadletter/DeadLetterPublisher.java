package io.lifeboat.events.deadletter;

import java.time.Clock;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;

import io.lifeboat.events.envelope.InvalidEventException;

/**
 * Writes a rejected record, unchanged, to {@code lifeboat.deadletter} with {@link DeadLetterHeaders} naming the
 * cause and the origin, so that a consumer can move on.
 */
public final class DeadLetterPublisher {

    private final Producer<byte[], byte[]> producer;
    private final DeadLetterRecords records;

    /**
     * Creates a publisher for one consumer group.
     *
     * @param producer the producer to write with; byte-array key and value
     * @param consumerGroup the group of the consumer that rejects records, or {@code null} when unknown
     */
    public DeadLetterPublisher(Producer<byte[], byte[]> producer, String consumerGroup) {
        this(producer, consumerGroup, Clock.systemUTC());
    }

    DeadLetterPublisher(Producer<byte[], byte[]> producer, String consumerGroup, Clock clock) {
        this.producer = producer;
        this.records = new DeadLetterRecords(consumerGroup, clock);
    }

    /**
     * Sends the record to the dead-letter topic.
     *
     * @param record the rejected record; its key is a {@code String}, {@code byte[]} or {@code null}
     * @param cause why it was rejected; an {@link InvalidEventException} contributes its reason
     * @return the send result; wait for it before committing the record's offset
     */
    public Future<RecordMetadata> publish(ConsumerRecord<?, byte[]> record, Throwable cause) {
        return producer.send(records.of(record, cause));
    }
}
