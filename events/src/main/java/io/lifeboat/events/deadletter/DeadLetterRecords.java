package io.lifeboat.events.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.lifeboat.events.Topics;
import io.lifeboat.events.envelope.InvalidEventException;

/**
 * Builds the dead-letter copy of a rejected record: its key, value and headers unchanged, plus the
 * {@link DeadLetterHeaders} naming the cause and the origin. Any producer (a plain one, a SmallRye channel) can send it.
 */
public final class DeadLetterRecords {

    static final int MAX_REASON_LENGTH = 4096;

    private final String consumerGroup;
    private final Clock clock;

    /**
     * Creates a builder for one consumer group.
     *
     * @param consumerGroup the group of the consumer that rejects records, or {@code null} when unknown
     */
    public DeadLetterRecords(String consumerGroup) {
        this(consumerGroup, Clock.systemUTC());
    }

    DeadLetterRecords(String consumerGroup, Clock clock) {
        this.consumerGroup = consumerGroup;
        this.clock = clock;
    }

    /**
     * Builds the dead-letter record: original key, value and headers plus the {@code lifeboat.dlq.*} headers.
     *
     * @param record the rejected record
     * @param cause why it was rejected
     * @return the record to send
     */
    public ProducerRecord<byte[], byte[]> of(ConsumerRecord<?, byte[]> record, Throwable cause) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DeadLetterHeaders.PREFIX)) {
                headers.add(header);
            }
        }
        add(headers, DeadLetterHeaders.REASON, truncate(reasonOf(cause)));
        add(headers, DeadLetterHeaders.EXCEPTION, cause.getClass().getName());
        add(headers, DeadLetterHeaders.TOPIC, record.topic());
        add(headers, DeadLetterHeaders.PARTITION, Integer.toString(record.partition()));
        add(headers, DeadLetterHeaders.OFFSET, Long.toString(record.offset()));
        add(headers, DeadLetterHeaders.TIMESTAMP, Long.toString(record.timestamp()));
        if (consumerGroup != null) {
            add(headers, DeadLetterHeaders.GROUP, consumerGroup);
        }
        add(headers, DeadLetterHeaders.DEAD_LETTERED_AT, clock.instant().toString());
        return new ProducerRecord<>(Topics.DEADLETTER.name(), null, keyBytes(record), record.value(), headers);
    }

    private static String reasonOf(Throwable cause) {
        if (cause instanceof InvalidEventException invalid) {
            return invalid.reason();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static byte[] keyBytes(ConsumerRecord<?, byte[]> record) {
        Object key = record.key();
        if (key == null || key instanceof byte[]) {
            return (byte[]) key;
        }
        if (key instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException("unable to dead-letter record of topic " + record.topic() + " partition "
                + record.partition() + " offset " + record.offset() + ": key type " + key.getClass().getName()
                + " is neither String nor byte[]");
    }

    private static String truncate(String reason) {
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH - 3) + "...";
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
