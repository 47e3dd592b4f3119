package io.lifeboat.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkedKafkaNodeTest {

    @TempDir
    Path dir;

    @Test
    void runsTheNodeMainOnItsPropertiesWithTheParentsJavaClassPathAndPid() {
        List<String> command = ForkedKafkaNode.command(Path.of("/opt/jdk"), "/a.jar:/b/classes", 4242,
                Path.of("/tmp/node-1/server.properties"));

        assertThat(command).containsExactly("/opt/jdk/bin/java", "-Xmx512m", "-XX:+ExitOnOutOfMemoryError",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-Dlifeboat.kafka.parent-pid=4242",
                "-cp", "/a.jar:/b/classes", "io.lifeboat.testkit.kafka.KafkaNodeMain",
                "/tmp/node-1/server.properties");
    }

    @Test
    void writesTheSettingsTheChildReadsBesideItsDataAndLogsThere() throws IOException {
        KafkaNode node = new KafkaNode(1, 9092, 9093, dir.resolve("node-1").resolve("data"));
        KafkaNode other = new KafkaNode(0, 9094, 9095, dir.resolve("node-0").resolve("data"));
        Properties settings = KafkaSettings.forNode(node, List.of(other, node));

        ForkedKafkaNode forked = new ForkedKafkaNode(node, settings, dir.resolve("node-1"));

        Properties read = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve("node-1").resolve("server.properties"))) {
            read.load(in);
        }
        assertThat(read).isEqualTo(settings);
        assertThat(read.getProperty("log.dirs")).isEqualTo(dir.resolve("node-1").resolve("data").toString());
        assertThat(forked.log()).isEqualTo(dir.resolve("node-1").resolve("server.log"));
        assertThat(forked.running()).isFalse();
    }
}
