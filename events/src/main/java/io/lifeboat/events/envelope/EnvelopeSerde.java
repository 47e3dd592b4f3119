package io.lifeboat.events.envelope;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import io.lifeboat.events.LifeboatMessage;

/**
 * Kafka {@link Serde} of envelopes for Kafka Streams and other clients: binary-mode CloudEvents with JSON bodies.
 *
 * @param <T> the message type
 */
public class EnvelopeSerde<T extends LifeboatMessage> implements Serde<Envelope<T>> {

    private final EnvelopeSerializer<T> serializer = new EnvelopeSerializer<>();
    private final EnvelopeDeserializer<T> deserializer;

    /**
     * Creates a serde accepting every registered type, as needed by Kafka's no-argument instantiation.
     */
    public EnvelopeSerde() {
        this.deserializer = new EnvelopeDeserializer<>();
    }

    private EnvelopeSerde(Class<T> accepted) {
        this.deserializer = new EnvelopeDeserializer<>(accepted);
    }

    /**
     * Returns a serde whose deserializer accepts only {@code accepted}, e.g. for the RPO state topic.
     *
     * @param accepted the accepted message type
     * @param <T> the message type
     * @return the serde
     */
    public static <T extends LifeboatMessage> EnvelopeSerde<T> of(Class<T> accepted) {
        return new EnvelopeSerde<>(accepted);
    }

    /**
     * Returns a serde accepting every registered type, for topics that carry several types.
     *
     * @return the serde
     */
    public static EnvelopeSerde<LifeboatMessage> any() {
        return new EnvelopeSerde<>(LifeboatMessage.class);
    }

    @Override
    public Serializer<Envelope<T>> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<Envelope<T>> deserializer() {
        return deserializer;
    }
}
