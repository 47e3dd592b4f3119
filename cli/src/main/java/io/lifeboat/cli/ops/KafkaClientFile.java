package io.lifeboat.cli.ops;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import io.lifeboat.events.admin.KafkaClientSettings;

/**
 * The command line's Kafka security settings: a Kafka client properties file, as {@code kafka-console-consumer.sh
 * --command-config} takes, of which {@code security.protocol}, {@code sasl.*} and {@code ssl.*} are used.
 */
final class KafkaClientFile {

    private KafkaClientFile() {
    }

    /**
     * Reads the settings for {@code bootstrap}; without a file the cluster is reached in plaintext.
     *
     * @param bootstrap the broker list
     * @param file the properties file, or null
     * @return the settings
     * @throws OpsFailure naming the file when it cannot be read; never quoting its content
     */
    static KafkaClientSettings load(String bootstrap, Path file) {
        if (file == null) {
            return KafkaClientSettings.plaintext(bootstrap);
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            // The exception's class says enough (missing, unreadable, malformed); its message could quote a line.
            throw new OpsFailure("unable to read the Kafka client properties " + file + " (" + e.getClass()
                    .getSimpleName() + "): pass --kafka-config FILE with security.protocol, sasl.* and ssl.* "
                    + "settings", e);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return KafkaClientSettings.of(bootstrap, values);
    }
}
