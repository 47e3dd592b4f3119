package io.lifeboat.events.envelope;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.lifeboat.events.EventType;
import io.lifeboat.events.LifeboatMessage;

/**
 * Turns a CloudEvent body into a payload record: parse, validate against the type's JSON Schema, then bind.
 */
final class PayloadReader {

    private final ObjectMapper mapper = LifeboatJson.mapper();

    /**
     * Reads the payload of a registered type.
     *
     * @param type the type named by the event
     * @param body the event data
     * @param <T> the message type
     * @return the payload
     * @throws Rejection naming the JSON path and the cause when the body is not a valid payload
     */
    <T extends LifeboatMessage> T read(EventType<T> type, byte[] body) {
        JsonNode tree = parse(body);
        List<String> violations = JsonSchemas.violations(type, tree);
        if (!violations.isEmpty()) {
            throw new Rejection("schema violation for " + type.type() + ": " + String.join("; ", violations));
        }
        try {
            return mapper.treeToValue(tree, type.messageClass());
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new Rejection(type.messageClass().getSimpleName() + " rejected the payload: " + cause.getMessage(),
                    e);
        } catch (JsonMappingException e) {
            throw new Rejection("bad JSON at path " + path(e) + ": " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new Rejection("bad JSON: " + e.getOriginalMessage(), e);
        }
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new Rejection("body is empty");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr();
            throw new Rejection("body is not JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new Rejection("body is not readable: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new Rejection("body must be a JSON object, was " + (tree == null ? "empty" : tree.getNodeType()));
        }
        return tree;
    }

    private static String path(JsonMappingException e) {
        return "$" + e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
    }
}
