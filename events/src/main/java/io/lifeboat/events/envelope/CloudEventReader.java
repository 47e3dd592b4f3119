package io.lifeboat.events.envelope;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;

/**
 * Reads a CloudEvent in binary or structured mode with the SDK and turns SDK failures into precise reasons.
 */
final class CloudEventReader {

    static final String CONTENT_TYPE = "content-type";
    static final String STRUCTURED_JSON = "application/cloudevents+json";
    private static final List<String> REQUIRED_ATTRIBUTES = List.of("id", "source", "type");

    private final CloudEventDeserializer deserializer = new CloudEventDeserializer();

    /**
     * Reads the event; the caller wraps the failure with the record position.
     *
     * @param topic the record's topic
     * @param headers the record's headers
     * @param value the record's value
     * @return the event
     * @throws Rejection with the reason when the record is not a CloudEvent
     */
    CloudEvent read(String topic, Headers headers, byte[] value) {
        if (value == null) {
            throw new Rejection("record has no value (tombstone)");
        }
        String contentType = header(headers, CONTENT_TYPE);
        boolean structured = contentType != null && contentType.startsWith(STRUCTURED_JSON);
        if (!structured && header(headers, "ce_specversion") == null) {
            throw new Rejection("not a CloudEvent: missing header ce_specversion (binary mode) and"
                    + " content-type is '" + contentType + "', not " + STRUCTURED_JSON + " (structured mode)");
        }
        try {
            return deserializer.deserialize(topic, headers, value);
        } catch (RuntimeException e) {
            throw new Rejection(explain(structured, headers, e), e);
        }
    }

    private static String explain(boolean structured, Headers headers, RuntimeException e) {
        if (!structured) {
            for (String attribute : REQUIRED_ATTRIBUTES) {
                if (header(headers, "ce_" + attribute) == null) {
                    return "missing header ce_" + attribute;
                }
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return (structured ? "unreadable structured-mode CloudEvent: " : "unreadable CloudEvent headers: ")
                + root.getMessage();
    }

    static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
