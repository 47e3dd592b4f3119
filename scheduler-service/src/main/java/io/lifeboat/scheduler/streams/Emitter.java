package io.lifeboat.scheduler.streams;

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

/**
 * Forwards what the scheduler decides to the topology's sinks: policies, commands and skipped runs as CloudEvents
 * (the topic follows from the event type), policy tombstones, and rejected records to the dead-letter topic, all in
 * the task's transaction.
 */
final class Emitter {

    /** CloudEvents source of everything the scheduler writes. */
    static final URI SOURCE = Envelope.sourceOf("scheduler-service");

    private final ProcessorContext<Object, Object> context;
    private final DeadLetterRecords deadLetters;

    Emitter(ProcessorContext<Object, Object> context, String group) {
        this.context = context;
        this.deadLetters = new DeadLetterRecords(group);
    }

    void emit(Envelope<?> cause, LifeboatMessage payload, Instant now) {
        Envelope<?> envelope = cause == null ? Envelope.of(SOURCE, payload) : Envelope.causedBy(cause, SOURCE, payload);
        context.forward(new Record<Object, Object>(payload.key(), envelope, now.toEpochMilli(), new RecordHeaders()),
                SchedulerTopology.OUT);
    }

    void removePolicy(String targetId, Instant now) {
        context.forward(new Record<Object, Object>(targetId, null, now.toEpochMilli(), new RecordHeaders()),
                SchedulerTopology.POLICY_TOMBSTONES);
    }

    void deadLetter(Record<String, byte[]> record, Throwable cause) {
        RecordMetadata origin = context.recordMetadata().orElseThrow();
        ConsumerRecord<String, byte[]> consumed = new ConsumerRecord<>(origin.topic(), origin.partition(),
                origin.offset(), record.timestamp(), TimestampType.CREATE_TIME, -1, -1, record.key(), record.value(),
                record.headers(), Optional.empty());
        ProducerRecord<byte[], byte[]> dead = deadLetters.of(consumed, cause);
        context.forward(new Record<Object, Object>(dead.key(), dead.value(), record.timestamp(), dead.headers()),
                SchedulerTopology.DEADLETTER);
    }
}
