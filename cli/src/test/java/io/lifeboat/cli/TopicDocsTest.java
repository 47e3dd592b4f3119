package io.lifeboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.Topics;

/**
 * Keeps the README's topic table and the Strimzi topic resources equal to {@link Topics}; run with
 * {@code -Dlifeboat.regenerate=true} to rewrite both after changing the catalogue.
 */
class TopicDocsTest {

    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private static final String START = "<!-- topics:start -->\n";
    private static final String END = "<!-- topics:end -->";
    private static final boolean REGENERATE = Boolean.getBoolean("lifeboat.regenerate");

    @Test
    void readmeListsEveryTopicOfTheCatalogue() throws IOException {
        Path readme = HOME.resolve("README.md");
        String text = Files.readString(readme);
        int start = text.indexOf(START) + START.length();
        int end = text.indexOf(END);
        assertThat(start).as("README.md has the %s marker", START.trim()).isGreaterThan(START.length() - 1);
        String expected = TopicDocs.readmeTable();
        if (REGENERATE) {
            Files.writeString(readme, text.substring(0, start) + expected + text.substring(end));
            text = Files.readString(readme);
        }
        assertThat(text.substring(start, text.indexOf(END))).as("README topic table (regenerate with "
                + "-Dlifeboat.regenerate=true)").isEqualTo(expected);
        Topics.all().forEach(topic -> assertThat(expected).contains("`" + topic.name() + "`"));
    }

    @Test
    void strimziResourcesDeclareEveryTopicWithItsCleanupPolicy() throws IOException {
        Path yaml = HOME.resolve("deploy/k8s/topics.yaml");
        String expected = TopicDocs.strimziTopics();
        if (REGENERATE) {
            Files.createDirectories(yaml.getParent());
            Files.writeString(yaml, expected);
        }
        String actual = Files.readString(yaml);
        assertThat(actual).as("deploy/k8s/topics.yaml (regenerate with -Dlifeboat.regenerate=true)")
                .isEqualTo(expected);
        assertThat(actual).contains("topicName: lifeboat.catalog\n  partitions: 3\n  replicas: 3\n  config:\n"
                + "    cleanup.policy: compact");
        assertThat(actual.split("kind: KafkaTopic", -1)).hasSize(Topics.all().size() + 1);
    }
}
