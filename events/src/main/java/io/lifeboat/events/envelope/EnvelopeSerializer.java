package io.lifeboat.events.envelope;

import java.util.Map;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

import io.cloudevents.kafka.CloudEventSerializer;
import io.lifeboat.events.LifeboatMessage;

/**
 * Kafka value serializer writing envelopes as binary-mode CloudEvents: {@code ce_*} headers and a JSON body.
 *
 * <p>
 * Only the header-aware {@link #serialize(String, Headers, Envelope)} is supported, as headers carry the metadata.
 *
 * @param <T> the message type
 */
public class EnvelopeSerializer<T extends LifeboatMessage> implements Serializer<Envelope<T>> {

    private final EventCodec codec = new EventCodec();
    private final CloudEventSerializer cloudEvents = new CloudEventSerializer();

    /**
     * Configures the underlying CloudEvents serializer; binary mode is its default.
     *
     * @param configs the client configuration
     * @param isKey must be {@code false}
     */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        cloudEvents.configure(configs, isKey);
    }

    /**
     * Not supported: an envelope needs record headers.
     *
     * @param topic the topic
     * @param data the envelope
     * @return never
     */
    @Override
    public byte[] serialize(String topic, Envelope<T> data) {
        throw new UnsupportedOperationException(
                "EnvelopeSerializer needs record headers: use serialize(topic, headers, data)");
    }

    /**
     * Writes the envelope's attributes into {@code headers} and returns the JSON body.
     *
     * @param topic the topic
     * @param headers the record headers to fill
     * @param data the envelope, or {@code null} for a tombstone
     * @return the body, or {@code null} for a tombstone
     */
    @Override
    public byte[] serialize(String topic, Headers headers, Envelope<T> data) {
        if (data == null) {
            return null;
        }
        return cloudEvents.serialize(topic, headers, codec.toCloudEvent(data));
    }
}
