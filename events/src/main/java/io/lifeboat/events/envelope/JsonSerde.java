package io.lifeboat.events.envelope;

import java.io.IOException;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * The JSON form of a Kafka Streams state-store value (a target state, a catalog entry), written with Lifeboat's shared
 * mapper so that instants and durations read the same everywhere.
 *
 * @param <T> the value type
 */
public final class JsonSerde<T> implements Serde<T> {

    private final Class<T> type;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    /**
     * Creates the serde of one type.
     *
     * @param type the value type
     */
    public JsonSerde(Class<T> type) {
        this.type = type;
        this.reader = LifeboatJson.mapper().readerFor(type);
        this.writer = LifeboatJson.mapper().writerFor(type);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return writer.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new SerializationException("unable to write " + type.getSimpleName() + " for " + topic, e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return reader.readValue(bytes);
            } catch (IOException e) {
                throw new SerializationException("unable to read " + type.getSimpleName() + " from " + topic, e);
            }
        };
    }
}
