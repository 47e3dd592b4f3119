package io.lifeboat.events.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class KafkaClientSettingsTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"dr\" password=\"not-a-real-secret\";";

    @Test
    void takesEverySecurityKeyUnderTheKafkaPrefixWhetherDottedOrAnEnvironmentVariable() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", "ignored:1");
        config.put("kafka.security.protocol", "SASL_SSL");
        config.put("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        config.put("kafka.sasl.jaas.config", JAAS);
        config.put("KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/ca.crt");
        config.put("kafka.ssl.truststore.type", "PEM");
        config.put("kafka.acks", "all");
        config.put("quarkus.kafka-streams.sasl.mechanism", "PLAIN");
        config.put("mp.messaging.incoming.x.sasl.mechanism", "PLAIN");

        KafkaClientSettings settings = KafkaClientSettings.fromPrefixed("broker:9093", config.keySet(),
                name -> Optional.ofNullable(config.get(name)));

        assertThat(settings.clientConfig(Map.of("client.id", "c"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "bootstrap.servers", "broker:9093", "client.id", "c", "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", JAAS, "ssl.truststore.location",
                "/etc/ca.crt", "ssl.truststore.type", "PEM"));
    }

    @Test
    void readsTheDottedNameSoThatTheConfigurationDecidesBetweenTwoSpellings() {
        Map<String, String> resolved = Map.of("kafka.sasl.mechanism", "SCRAM-SHA-512", "KAFKA_SASL_MECHANISM",
                "PLAIN");

        KafkaClientSettings settings = KafkaClientSettings.fromPrefixed("broker:9093",
                List.of("KAFKA_SASL_MECHANISM", "kafka.sasl.mechanism"),
                name -> Optional.ofNullable(resolved.get(name)));

        assertThat(settings.clientConfig(Map.of())).containsEntry("sasl.mechanism", "SCRAM-SHA-512");
    }

    @Test
    void takesOnlySecurityKeysFromAClientPropertiesFile() {
        KafkaClientSettings settings = KafkaClientSettings.of("broker:9093", Map.of("security.protocol",
                "SASL_PLAINTEXT", "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", JAAS, "group.id", "g"));

        assertThat(settings.securityKeys()).containsExactly("sasl.jaas.config", "sasl.mechanism",
                "security.protocol");
        assertThat(settings.securityProtocol()).isEqualTo("SASL_PLAINTEXT");
    }

    @Test
    void describesTheClusterWithoutASecret() {
        KafkaClientSettings settings = KafkaClientSettings.of("broker:9093", Map.of("security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", JAAS, "ssl.keystore.password", "ks-secret"));

        assertThat(settings.toString()).isEqualTo("broker:9093 (SASL_SSL, SCRAM-SHA-512)")
                .doesNotContain("not-a-real-secret").doesNotContain("ks-secret");
        assertThat(KafkaClientSettings.plaintext("broker:9092").toString()).isEqualTo("broker:9092 (PLAINTEXT)");
    }

    @Test
    void refusesMissingBootstrapServers() {
        assertThatThrownBy(() -> KafkaClientSettings.plaintext(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bootstrap servers are missing");
    }
}
