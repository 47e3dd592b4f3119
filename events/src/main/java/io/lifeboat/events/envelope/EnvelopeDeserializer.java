package io.lifeboat.events.envelope;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;

import io.lifeboat.events.LifeboatMessage;

/**
 * Kafka value deserializer reading binary- or structured-mode CloudEvents into envelopes of one message type.
 *
 * <p>
 * Invalid records raise {@link InvalidEventException}; a {@code null} value (tombstone) yields {@code null}.
 *
 * @param <T> the accepted message type; {@link LifeboatMessage} accepts every registered type
 */
public class EnvelopeDeserializer<T extends LifeboatMessage> implements Deserializer<Envelope<T>> {

    private final EventCodec codec = new EventCodec();
    private final Class<T> accepted;

    /**
     * Creates a deserializer accepting every registered type, as needed by Kafka's no-argument instantiation.
     */
    @SuppressWarnings("unchecked")
    public EnvelopeDeserializer() {
        this((Class<T>) LifeboatMessage.class);
    }

    /**
     * Creates a deserializer that rejects payloads of any other type.
     *
     * @param accepted the accepted message type
     */
    public EnvelopeDeserializer(Class<T> accepted) {
        this.accepted = accepted;
    }

    /**
     * Reads a record without headers, which succeeds only for structured-mode events.
     *
     * @param topic the topic
     * @param data the value
     * @return the envelope, or {@code null} for a tombstone
     */
    @Override
    public Envelope<T> deserialize(String topic, byte[] data) {
        return deserialize(topic, new RecordHeaders(), data);
    }

    /**
     * Reads a record's headers and value.
     *
     * @param topic the topic
     * @param headers the record headers
     * @param data the value
     * @return the envelope, or {@code null} for a tombstone
     * @throws InvalidEventException when the record is not a valid event of the accepted type
     */
    @Override
    @SuppressWarnings("unchecked")
    public Envelope<T> deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            return null;
        }
        Envelope<?> envelope = codec.decode(topic, headers, data);
        if (!accepted.isInstance(envelope.payload())) {
            throw new InvalidEventException(topic, null, null, "expected a " + accepted.getSimpleName()
                    + " but event '" + envelope.id() + "' is a " + envelope.type(), null);
        }
        return (Envelope<T>) envelope;
    }
}
