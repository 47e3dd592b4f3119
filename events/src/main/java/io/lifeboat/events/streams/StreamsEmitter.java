package io.lifeboat.events.streams;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

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
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.events.envelope.InvalidEventException;

/**
 * What a Lifeboat Kafka Streams processor writes, in its task's transaction: events and commands as CloudEvents to a
 * sink whose topic follows from the event type, tombstones to a compacted topic's sink, and records it cannot use to
 * the dead-letter sink, unchanged, with the reason in headers.
 */
public final class StreamsEmitter {

    private final ProcessorContext<Object, Object> context;
    private final URI source;
    private final String eventSink;
    private final String deadLetterSink;
    private final DeadLetterRecords deadLetters;
    private final EventCodec codec = new EventCodec();

    /**
     * Creates the emitter of one processor.
     *
     * @param context the processor's context
     * @param service the service name, the CloudEvents source of everything written
     * @param eventSink name of the sink that routes envelopes by their type's topic
     * @param deadLetterSink name of the sink of {@code lifeboat.deadletter}
     */
    public StreamsEmitter(ProcessorContext<Object, Object> context, String service, String eventSink,
            String deadLetterSink) {
        this.context = context;
        this.source = Envelope.sourceOf(service);
        this.eventSink = eventSink;
        this.deadLetterSink = deadLetterSink;
        this.deadLetters = new DeadLetterRecords(context.applicationId());
    }

    /**
     * Decodes a record of a target-keyed topic, or dead-letters it: not a CloudEvent of a registered type, or a key
     * other than the target id of its payload (records of one target must share its partition).
     *
     * @param record the record as consumed
     * @return the envelope, or empty when the record went to the dead-letter topic
     */
    public Optional<Envelope<?>> decode(Record<String, byte[]> record) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("");
        Envelope<?> envelope;
        try {
            envelope = codec.decode(topic, record.headers(), record.value());
        } catch (InvalidEventException e) {
            deadLetter(record, e);
            return Optional.empty();
        }
        String targetId = envelope.payload().targetId();
        if (!targetId.equals(record.key())) {
            deadLetter(record, new IllegalArgumentException("record key '" + record.key()
                    + "' is not the target id '" + targetId + "' of event '" + envelope.id() + "' ("
                    + envelope.type() + "): records of one target must share its partition"));
            return Optional.empty();
        }
        return Optional.of(envelope);
    }

    /**
     * Emits an event or command, caused by another one or by the clock.
     *
     * @param cause the envelope that led to it, or null for a decision of the clock
     * @param payload the event or command
     * @param now instant stamped on the record
     */
    public void emit(Envelope<?> cause, LifeboatMessage payload, Instant now) {
        Envelope<?> envelope = cause == null ? Envelope.of(source, payload) : Envelope.causedBy(cause, source, payload);
        context.forward(new Record<Object, Object>(payload.key(), envelope, now.toEpochMilli(), new RecordHeaders()),
                eventSink);
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
     * Sends a record the processor cannot use to the dead-letter topic, unchanged, with the reason in headers.
     *
     * @param record the rejected record
     * @param cause why it was rejected
     */
    public void deadLetter(Record<String, byte[]> record, Throwable cause) {
        RecordMetadata origin = context.recordMetadata().orElseThrow();
        ConsumerRecord<String, byte[]> consumed = new ConsumerRecord<>(origin.topic(), origin.partition(),
                origin.offset(), record.timestamp(), TimestampType.CREATE_TIME, -1, -1, record.key(), record.value(),
                record.headers(), Optional.empty());
        ProducerRecord<byte[], byte[]> dead = deadLetters.of(consumed, cause);
        context.forward(new Record<Object, Object>(dead.key(), dead.value(), record.timestamp(), dead.headers()),
                deadLetterSink);
    }
}
