package io.lifeboat.catalog.streams;

import java.net.URI;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.deadletter.DeadLetterRecords;
import io.lifeboat.events.envelope.Envelope;

/**
 * Forwards what the catalog decides to the topology's sinks: events and commands as CloudEvents (the topic follows
 * from the event type), tombstones, and rejected records to the dead-letter topic. Everything goes out in the
 * task's transaction.
 */
public final class Emitter {

    /** CloudEvents source of everything the catalog writes. */
    public static final URI SOURCE = Envelope.sourceOf("catalog-service");

    private final ProcessorContext<Object, Object> context;
    private final DeadLetterRecords deadLetters;

    /**
     * Creates the emitter of one processor.
     *
     * @param context the processor's context
     * @param group the application id, recorded on dead letters
     */
    public Emitter(ProcessorContext<Object, Object> context, String group) {
        this.context = context;
        this.deadLetters = new DeadLetterRecords(group);
    }

    /**
     * Emits an event or command caused by another one.
     *
     * @param cause the envelope that led to it, or null for a decision of the clock
     * @param payload the event or command
     * @param now instant stamped on the record
     */
    public void emit(Envelope<?> cause, LifeboatMessage payload, Instant now) {
        Envelope<?> envelope = cause == null ? Envelope.of(SOURCE, payload) : Envelope.causedBy(cause, SOURCE, payload);
        context.forward(new Record<Object, Object>(payload.key(), envelope, now.toEpochMilli(), new RecordHeaders()),
                CatalogTopology.OUT);
    }

    /**
     * Writes a tombstone to a compacted topic.
     *
     * @param sink name of the sink of that topic
     * @param key key to remove
     * @param now instant stamped on the record
     */
    public void tombstone(String sink, String key, Instant now) {
        context.forward(new Record<Object, Object>(key, null, now.toEpochMilli(), new RecordHeaders()), sink);
    }

    /**
     * Sends a record the catalog cannot use to the dead-letter topic, unchanged, with the reason in headers.
     *
     * @param record the rejected record
     * @param cause why it was rejected
     */
    public void deadLetter(Record<String, byte[]> record, Throwable cause) {
        RecordMetadata origin = context.recordMetadata().orElseThrow();
        ConsumerRecord<String, byte[]> consumed = new ConsumerRecord<>(origin.topic(), origin.partition(),
                origin.offset(), record.timestamp(), TimestampType.CREATE_TIME, -1, -1, record.key(), record.value(),
                record.headers(), java.util.Optional.empty());
        ProducerRecord<byte[], byte[]> dead = deadLetters.of(consumed, cause);
        context.forward(new Record<Object, Object>(dead.key(), dead.value(), record.timestamp(), dead.headers()),
                CatalogTopology.DEADLETTER);
    }
}
