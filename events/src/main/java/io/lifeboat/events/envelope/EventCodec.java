package io.lifeboat.events.envelope;

import java.time.ZoneOffset;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.lifeboat.events.EventType;
import io.lifeboat.events.EventTypes;
import io.lifeboat.events.LifeboatMessage;

/**
 * Converts envelopes to CloudEvents Kafka records (binary mode) and back (binary or structured mode), validating
 * every payload against its JSON Schema.
 */
public final class EventCodec {

    /** CloudEvents extension holding the correlation id. */
    public static final String CORRELATION_ID = "correlationid";
    /** CloudEvents extension holding the id of the causing event. */
    public static final String CAUSATION_ID = "causationid";
    /** CloudEvents Distributed Tracing extension holding the W3C {@code traceparent}. */
    public static final String TRACEPARENT = TraceContext.TRACEPARENT;
    /** CloudEvents Distributed Tracing extension holding the W3C {@code tracestate}. */
    public static final String TRACESTATE = TraceContext.TRACESTATE;
    /** Content type of every event body. */
    public static final String JSON = "application/json";

    private final CloudEventReader cloudEvents = new CloudEventReader();
    private final PayloadReader payloads = new PayloadReader();

    /**
     * Builds the producer record: topic and key from the registry, {@code ce_*} headers, JSON body.
     *
     * @param envelope the envelope to write
     * @return the record, keyed by the payload's aggregate id
     * @throws IllegalArgumentException when the payload does not satisfy its own schema
     */
    public ProducerRecord<String, byte[]> encode(Envelope<?> envelope) {
        return KafkaMessageFactory.createWriter(envelope.topic().name(), envelope.payload().key())
                .writeBinary(toCloudEvent(envelope));
    }

    /**
     * Converts an envelope to a CloudEvent with a JSON body, for callers that write through the SDK themselves.
     *
     * @param envelope the envelope
     * @return the CloudEvent
     * @throws IllegalArgumentException when the payload does not satisfy its own schema
     */
    public CloudEvent toCloudEvent(Envelope<?> envelope) {
        EventType<?> type = envelope.eventType();
        JsonNode body = LifeboatJson.mapper().valueToTree(envelope.payload());
        var violations = JsonSchemas.violations(type, body);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("refusing to write " + type.type() + " for target '"
                    + envelope.subject() + "': " + String.join("; ", violations));
        }
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(envelope.id())
                .withSource(envelope.source())
                .withType(type.type())
                .withSubject(envelope.subject())
                .withTime(envelope.time().atOffset(ZoneOffset.UTC))
                .withDataContentType(JSON)
                .withDataSchema(type.dataSchema())
                .withExtension(CORRELATION_ID, envelope.correlationId())
                .withData(bytes(body));
        if (envelope.causationId() != null) {
            builder.withExtension(CAUSATION_ID, envelope.causationId());
        }
        if (envelope.trace() != null) {
            builder.withExtension(TRACEPARENT, envelope.trace().traceparent());
            String state = envelope.trace().tracestate();
            if (state != null) {
                builder.withExtension(TRACESTATE, state);
            }
        }
        return builder.build();
    }

    /**
     * Reads a consumed record in binary or structured mode.
     *
     * @param record the record; its key is not read
     * @return the envelope
     * @throws InvalidEventException naming topic, partition, offset and the cause
     */
    public Envelope<?> decode(ConsumerRecord<?, byte[]> record) {
        return decode(record.topic(), record.partition(), record.offset(), record.headers(), record.value());
    }

    /**
     * Reads a record's value and headers where partition and offset are unknown, as in a Kafka deserializer.
     *
     * @param topic the record's topic
     * @param headers the record's headers
     * @param value the record's value
     * @return the envelope
     * @throws InvalidEventException naming the topic and the cause
     */
    public Envelope<?> decode(String topic, Headers headers, byte[] value) {
        return decode(topic, null, null, headers, value);
    }

    private Envelope<?> decode(String topic, Integer partition, Long offset, Headers headers, byte[] value) {
        try {
            return read(topic, headers, value);
        } catch (Rejection e) {
            throw new InvalidEventException(topic, partition, offset, e.getMessage(), e.getCause());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(topic, partition, offset, e.getMessage(), e);
        }
    }

    private Envelope<?> read(String topic, Headers headers, byte[] value) {
        CloudEvent event = cloudEvents.read(topic, headers, value);
        EventType<?> type = EventTypes.byType(event.getType())
                .orElseThrow(() -> new Rejection("unknown event type '" + event.getType() + "'"));
        if (event.getTime() == null) {
            throw new Rejection("event '" + event.getId() + "' has no time attribute (header ce_time)");
        }
        if (event.getData() == null) {
            throw new Rejection("event '" + event.getId() + "' of type " + type.type() + " has no data");
        }
        LifeboatMessage payload = payloads.read(type, event.getData().toBytes());
        if (event.getSubject() != null && !event.getSubject().equals(payload.targetId())) {
            throw new Rejection("subject '" + event.getSubject() + "' does not match targetId '" + payload.targetId()
                    + "' of event '" + event.getId() + "'");
        }
        String correlationId = extension(event, CORRELATION_ID);
        // Tracing is a help, never a condition: an invalid traceparent is dropped, the event is still read.
        TraceContext trace = TraceContext.parse(extension(event, TRACEPARENT), extension(event, TRACESTATE))
                .orElse(null);
        return new Envelope<>(event.getId(), event.getSource(), event.getTime().toInstant(),
                correlationId == null ? event.getId() : correlationId, extension(event, CAUSATION_ID), payload,
                trace);
    }

    private static String extension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return LifeboatJson.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unable to write JSON body", e);
        }
    }
}
