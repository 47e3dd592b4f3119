package io.lifeboat.events;

import java.net.URI;
import java.util.List;

/**
 * The registered contract of one message class: CloudEvents type name, version, JSON Schema and topics.
 *
 * @param messageClass the record class carried as payload
 * @param name type name without version, {@code io.lifeboat.<area>.<name>}
 * @param version integer version, raised only for a breaking change
 * @param topics topics the type may be written to; engine commands have one per engine
 * @param <T> the message type
 */
public record EventType<T extends LifeboatMessage>(Class<T> messageClass, String name, int version,
        List<Topic> topics) {

    /** Prefix of the classpath resources holding the JSON Schemas. */
    public static final String SCHEMA_DIRECTORY = "schemas/";

    /**
     * Validates the name convention and the version.
     */
    public EventType {
        Require.nonNull(messageClass, "EventType.messageClass");
        if (name == null || !name.matches("io\\.lifeboat\\.[a-z]+\\.[a-z-]+")) {
            throw new IllegalArgumentException(
                    "EventType.name '" + name + "' does not follow io.lifeboat.<area>.<name>");
        }
        Require.positive(version, "EventType.version");
        topics = Require.listOf(topics);
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("EventType '" + name + "' has no topic");
        }
    }

    /**
     * Returns the CloudEvents {@code type} attribute, e.g. {@code io.lifeboat.backup.completed.v1}.
     *
     * @return the versioned type name
     */
    public String type() {
        return name + ".v" + version;
    }

    /**
     * Returns the classpath resource of the type's JSON Schema, e.g. {@code schemas/io.lifeboat.backup.completed.v1.json}.
     *
     * @return the schema resource path
     */
    public String schemaResource() {
        return SCHEMA_DIRECTORY + type() + ".json";
    }

    /**
     * Returns the CloudEvents {@code dataschema} attribute: the schema's {@code $id}.
     *
     * @return the schema URI
     */
    public URI dataSchema() {
        return URI.create("urn:lifeboat:schema:" + type());
    }

    /**
     * Returns the topic a message of this type is written to.
     *
     * @param message the message
     * @return the engine's command topic for an {@link EngineCommand}, else the type's only topic
     */
    public Topic topicFor(LifeboatMessage message) {
        if (message instanceof EngineCommand command) {
            return Topics.commandsFor(command.engine());
        }
        return topics.get(0);
    }
}
