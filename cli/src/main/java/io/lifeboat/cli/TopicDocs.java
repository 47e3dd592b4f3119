package io.lifeboat.cli;

import java.util.List;
import java.util.stream.Collectors;

import io.lifeboat.events.Topic;
import io.lifeboat.events.Topics;

/**
 * Renders the topic catalogue in {@link Topics} for people and for Kubernetes: the README's topic table and the
 * Strimzi {@code KafkaTopic} resources in {@code deploy/k8s/topics.yaml}, so neither can drift from the code.
 */
public final class TopicDocs {

    /** Partitions per topic, the same on one machine and in a cluster so key order and scaling match. */
    public static final int PARTITIONS = 3;

    private TopicDocs() {
    }

    /** The Markdown table of every topic: name, compaction, writers and the message types it carries. */
    public static String readmeTable() {
        StringBuilder out = new StringBuilder("| topic | compacted | written by | carries |\n|---|---|---|---|\n");
        for (Topic topic : Topics.all()) {
            out.append("| `").append(topic.name()).append("` | ").append(topic.compacted() ? "yes" : "no")
                    .append(" | ").append(String.join(", ", topic.writers())).append(" | ")
                    .append(carries(topic)).append(" |\n");
        }
        return out.toString();
    }

    /** Strimzi {@code KafkaTopic} resources for every topic, for a cluster named {@code lifeboat}. */
    public static String strimziTopics() {
        StringBuilder out = new StringBuilder("# Generated from io.lifeboat.events.Topics by TopicDocsTest;"
                + " edit Topics, not this file.\n");
        for (Topic topic : Topics.all()) {
            out.append("---\n")
                    .append("apiVersion: kafka.strimzi.io/v1beta2\n")
                    .append("kind: KafkaTopic\n")
                    .append("metadata:\n")
                    .append("  name: ").append(topic.name().replace('.', '-')).append('\n')
                    .append("  labels:\n")
                    .append("    strimzi.io/cluster: lifeboat\n")
                    .append("spec:\n")
                    .append("  topicName: ").append(topic.name()).append('\n')
                    .append("  partitions: ").append(PARTITIONS).append('\n')
                    .append("  replicas: 3\n")
                    .append("  config:\n")
                    .append("    cleanup.policy: ").append(topic.compacted() ? "compact" : "delete").append('\n')
                    .append("    min.insync.replicas: 2\n");
        }
        return out.toString();
    }

    private static String carries(Topic topic) {
        List<Class<?>> types = List.copyOf(topic.valueTypes());
        if (types.isEmpty()) {
            return "records that failed parsing or validation, unchanged, with the reason in headers";
        }
        return types.stream().map(type -> "`" + type.getSimpleName() + "`").collect(Collectors.joining(", "));
    }
}
