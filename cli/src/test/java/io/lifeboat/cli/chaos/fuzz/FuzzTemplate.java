package io.lifeboat.cli.chaos.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.lifeboat.events.Engine;
import io.lifeboat.events.envelope.LifeboatJson;

/**
 * A valid event of a consumed topic that malformed records are derived from: its CloudEvents type, a sample body (the
 * contract's golden sample) and which of its fields hold a number, an enum constant and a timestamp.
 *
 * @param topic the topic the records go to
 * @param type the CloudEvents type, e.g. {@code io.lifeboat.backup.run.v1}
 * @param body the valid payload; never changed, copies are
 * @param numberField a required number field, or null when the payload has none
 * @param enumField an enum field, or null
 * @param timeField a timestamp field, or null
 * @param agentEngine the engine whose agent reads the topic, or null when no agent does
 * @param commandTopic whether the topic carries commands (a tombstone there is no delete, it is malformed)
 * @param keyChecked whether its readers dead-letter a record whose key is not the payload's target id
 * @param groups the consumer groups that must dead-letter every malformed record of the topic
 */
public record FuzzTemplate(String topic, String type, ObjectNode body, String numberField, String enumField,
        String timeField, Engine agentEngine, boolean commandTopic, boolean keyChecked, List<String> groups) {

    static final String SAMPLES = "/chaos/fuzz/";

    public FuzzTemplate {
        groups = List.copyOf(groups);
    }

    /** The target id of the sample body, the records' key. */
    public String targetId() {
        return body.get("targetId").asText();
    }

    /** A copy of the body, to change. */
    public ObjectNode copyOfBody() {
        return body.deepCopy();
    }

    /** The golden sample of {@code type} with its target id set to {@code targetId}. */
    static ObjectNode sample(String type, String targetId) {
        String resource = SAMPLES + type + ".json";
        try (InputStream in = FuzzTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no sample body " + resource + " on the classpath");
            }
            ObjectNode body = (ObjectNode) LifeboatJson.mapper().readTree(in);
            body.put("targetId", targetId);
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("unable to read sample body " + resource + ": " + e.getMessage(), e);
        }
    }
}
