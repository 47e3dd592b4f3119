package io.lifeboat.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.lifeboat.events.envelope.LifeboatJson;

/**
 * Golden samples from {@code src/test/resources/samples} and record helpers shared by the tests.
 */
public final class Samples {

    private Samples() {
    }

    public static String resource(EventType<?> type) {
        return "samples/" + type.type() + ".json";
    }

    public static boolean exists(EventType<?> type) {
        return Samples.class.getClassLoader().getResource(resource(type)) != null;
    }

    public static ObjectNode json(EventType<?> type) {
        try (InputStream in = Samples.class.getClassLoader().getResourceAsStream(resource(type))) {
            if (in == null) {
                throw new IllegalStateException("no golden sample " + resource(type));
            }
            return (ObjectNode) LifeboatJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T extends LifeboatMessage> T message(Class<T> messageClass) {
        return message(EventTypes.of(messageClass));
    }

    public static <T extends LifeboatMessage> T message(EventType<T> type) {
        return fromJson(json(type), type.messageClass());
    }

    public static <T> T fromJson(JsonNode json, Class<T> type) {
        try {
            return LifeboatJson.mapper().treeToValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> record, long offset) {
        return consumed(record.topic(), record.key(), record.value(), record.headers(), offset);
    }

    public static ConsumerRecord<String, byte[]> consumed(String topic, String key, byte[] value, Headers headers,
            long offset) {
        return new ConsumerRecord<>(topic, 0, offset, 1_763_690_400_000L, TimestampType.CREATE_TIME, -1, -1, key, value,
                new RecordHeaders(headers.toArray()), Optional.empty());
    }
}
