package io.lifeboat.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientFileTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"ops\" password=\"cli-test-password\";";

    @TempDir
    Path dir;

    @Test
    void takesTheSecuritySettingsOfAClientPropertiesFile() throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\nsasl.jaas.config=" + JAAS
                + "\nssl.truststore.type=PEM\nssl.truststore.location=/etc/ca.crt\ngroup.id=ignored\n");

        Map<String, Object> config = KafkaClientFile.load("broker:9093", file).clientConfig(Map.of());

        assertThat(config).containsExactlyInAnyOrderEntriesOf(Map.of("bootstrap.servers", "broker:9093",
                "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", JAAS,
                "ssl.truststore.type", "PEM", "ssl.truststore.location", "/etc/ca.crt"));
    }

    @Test
    void isPlaintextWithoutAFile() {
        assertThat(KafkaClientFile.load("localhost:9092", null).clientConfig(Map.of()))
                .containsExactlyEntriesOf(Map.of("bootstrap.servers", "localhost:9092"));
    }

    @Test
    void namesAMissingFileAndTheOption() {
        Path missing = dir.resolve("missing.properties");

        assertThatThrownBy(() -> KafkaClientFile.load("localhost:9092", missing)).isInstanceOf(OpsFailure.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("NoSuchFileException")
                .hasMessageContaining("--kafka-config FILE");
    }
}
