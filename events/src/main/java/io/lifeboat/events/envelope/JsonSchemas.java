package io.lifeboat.events.envelope;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.lifeboat.events.EventType;

/**
 * Validates payloads against the JSON Schema (draft 2020-12) of their type, loaded once from the classpath.
 */
public final class JsonSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_PATH)
            .build();
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private JsonSchemas() {
    }

    /**
     * Validates a payload and returns one line per violation, e.g. {@code $.targetId: required property missing}.
     *
     * @param type the payload's registered type
     * @param payload the payload as a JSON tree
     * @return the violations, sorted by location; empty when the payload is valid
     */
    public static List<String> violations(EventType<?> type, JsonNode payload) {
        return schemaOf(type).validate(payload).stream()
                .map(JsonSchemas::describe)
                .sorted()
                .toList();
    }

    /**
     * Returns the parsed schema of a type.
     *
     * @param type the registered type
     * @return the schema
     * @throws IllegalStateException when the schema resource is missing
     */
    public static JsonSchema schemaOf(EventType<?> type) {
        return CACHE.computeIfAbsent(type.schemaResource(), JsonSchemas::load);
    }

    private static JsonSchema load(String resource) {
        try (InputStream in = JsonSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("JSON Schema resource '" + resource + "' is not on the classpath");
            }
            return FACTORY.getSchema(LifeboatJson.mapper().readTree(in), CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException("unable to read JSON Schema resource '" + resource + "'", e);
        }
    }

    private static String describe(ValidationMessage message) {
        String location = message.getInstanceLocation().toString();
        if ("required".equals(message.getType())) {
            return location + "." + message.getProperty() + ": required property missing";
        }
        String text = message.getMessage();
        return text.startsWith(location) ? text : location + ": " + text;
    }
}
