package io.lifeboat.events.deadletter;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.events.envelope.InvalidEventException;

/**
 * A framework-free consume step: decode each record, hand valid envelopes to a handler, dead-letter invalid
 * records and move on, then commit. The consumer must run with {@code enable.auto.commit=false}.
 */
public final class EventConsumerLoop {

    /**
     * Handles decoded events of one consumer.
     */
    @FunctionalInterface
    public interface Handler {

        /**
         * Handles one valid event; an exception stops the poll before the record's offset is committed.
         *
         * @param envelope the decoded event
         * @param record the record it came from
         * @throws Exception when the event could not be handled and must be redelivered
         */
        void handle(Envelope<?> envelope, ConsumerRecord<String, byte[]> record) throws Exception;

        /**
         * Handles a record with a {@code null} value, which on a compacted topic deletes its key.
         *
         * @param record the tombstone
         */
        default void tombstone(ConsumerRecord<String, byte[]> record) {
        }
    }

    /**
     * What one poll did.
     *
     * @param handled number of records passed to the handler, tombstones included
     * @param deadLettered number of records sent to the dead-letter topic
     */
    public record PollResult(int handled, int deadLettered) {
    }

    private final Consumer<String, byte[]> consumer;
    private final EventCodec codec;
    private final DeadLetterPublisher deadLetters;
    private final Handler handler;

    /**
     * Creates the loop over an already subscribed consumer.
     *
     * @param consumer the consumer, with auto-commit disabled
     * @param codec the codec to decode with
     * @param deadLetters where invalid records go
     * @param handler what to do with valid events
     */
    public EventConsumerLoop(Consumer<String, byte[]> consumer, EventCodec codec, DeadLetterPublisher deadLetters,
            Handler handler) {
        this.consumer = consumer;
        this.codec = codec;
        this.deadLetters = deadLetters;
        this.handler = handler;
    }

    /**
     * Polls once, processes every record in order and commits what was processed.
     *
     * @param timeout the poll timeout
     * @return counts of handled and dead-lettered records
     * @throws HandlerFailedException when the handler failed; offsets before the failed record are committed and
     *         the consumer is rewound to it
     */
    public PollResult pollOnce(Duration timeout) {
        Map<TopicPartition, OffsetAndMetadata> processed = new HashMap<>();
        int handled = 0;
        int deadLettered = 0;
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            if (process(record, partition, processed)) {
                handled++;
            } else {
                deadLettered++;
            }
            processed.put(partition, new OffsetAndMetadata(record.offset() + 1));
        }
        if (!processed.isEmpty()) {
            consumer.commitSync(processed);
        }
        return new PollResult(handled, deadLettered);
    }

    private boolean process(ConsumerRecord<String, byte[]> record, TopicPartition partition,
            Map<TopicPartition, OffsetAndMetadata> processed) {
        if (record.value() == null) {
            handler.tombstone(record);
            return true;
        }
        Envelope<?> envelope;
        try {
            envelope = codec.decode(record);
        } catch (InvalidEventException invalid) {
            deadLetter(record, invalid);
            return false;
        }
        try {
            handler.handle(envelope, record);
            return true;
        } catch (Exception e) {
            if (!processed.isEmpty()) {
                consumer.commitSync(processed);
            }
            consumer.seek(partition, record.offset());
            throw new HandlerFailedException(record, envelope, e);
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, InvalidEventException invalid) {
        try {
            deadLetters.publish(record, invalid).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering " + invalid.getMessage(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("unable to dead-letter " + invalid.getMessage(), e.getCause());
        }
    }
}
