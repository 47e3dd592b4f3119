package io.lifeboat.events;

import java.util.List;

/**
 * One Kafka topic of the Lifeboat contract: its name, key, value types and writers.
 *
 * @param name topic name, {@code lifeboat.<area>.<name>}
 * @param key what the record key holds
 * @param valueTypes message classes that may appear as values; empty when values are opaque bytes
 * @param writers services that may write the topic, owner first; a compacted topic has exactly one
 * @param compacted whether the topic uses {@code cleanup.policy=compact} and holds the latest value per key
 * @param description one line on what the topic carries and who reads it
 */
public record Topic(String name, TopicKey key, List<Class<? extends LifeboatMessage>> valueTypes,
        List<String> writers, boolean compacted, String description) {

    /**
     * Validates the name convention and the single-writer rule of compacted topics.
     */
    public Topic {
        Require.nonBlank(name, "Topic.name");
        if (!name.matches("lifeboat(\\.[a-z0-9-]+)+")) {
            throw new IllegalArgumentException("Topic.name '" + name + "' does not follow lifeboat.<area>.<name>");
        }
        Require.nonNull(key, "Topic.key");
        valueTypes = Require.listOf(valueTypes);
        writers = Require.listOf(writers);
        if (writers.isEmpty() || compacted && writers.size() != 1) {
            throw new IllegalArgumentException(
                    "topic '" + name + "' needs one owner, and only one writer if compacted");
        }
        Require.nonBlank(description, "Topic.description");
    }

    /**
     * Returns the service that owns the topic and, for a compacted topic, is its only writer.
     *
     * @return the owning service name
     */
    public String owner() {
        return writers.get(0);
    }
}
