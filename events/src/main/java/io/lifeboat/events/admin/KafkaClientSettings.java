package io.lifeboat.events.admin;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.kafka.clients.CommonClientConfigs;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How a hand-built Kafka client reaches the cluster: the bootstrap servers and every {@code security.protocol},
 * {@code sasl.*} and {@code ssl.*} setting, so that it connects exactly like the service's messaging channels.
 */
public final class KafkaClientSettings {

    private static final String PREFIX = "kafka.";

    private final String bootstrapServers;
    private final Map<String, String> security;

    private KafkaClientSettings(String bootstrapServers, Map<String, String> security) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("Kafka client settings: the bootstrap servers are missing");
        }
        this.bootstrapServers = bootstrapServers;
        this.security = Collections.unmodifiableMap(new TreeMap<>(security));
    }

    /** Settings for a cluster that needs neither TLS nor authentication. */
    public static KafkaClientSettings plaintext(String bootstrapServers) {
        return new KafkaClientSettings(bootstrapServers, Map.of());
    }

    /**
     * Settings from Kafka client properties named as in a client properties file ({@code security.protocol},
     * {@code sasl.jaas.config}, ...); keys other than the security ones are ignored.
     *
     * @param bootstrapServers the broker list
     * @param clientProperties the properties
     * @return the settings
     */
    public static KafkaClientSettings of(String bootstrapServers, Map<String, String> clientProperties) {
        Map<String, String> security = new HashMap<>();
        clientProperties.forEach((key, value) -> {
            if (isSecurityKey(key)) {
                security.put(key, value);
            }
        });
        return new KafkaClientSettings(bootstrapServers, security);
    }

    /**
     * Settings from configuration named with the {@code kafka.} prefix, as Quarkus's Kafka connector reads it:
     * {@code kafka.sasl.jaas.config} or the environment variable {@code KAFKA_SASL_JAAS_CONFIG}.
     *
     * @param bootstrapServers the broker list
     * @param names every configuration name
     * @param values the value of a name, expanded, if it has one
     * @return the settings
     */
    public static KafkaClientSettings fromPrefixed(String bootstrapServers, Iterable<String> names,
            Function<String, Optional<String>> values) {
        Map<String, String> security = new HashMap<>();
        for (String name : names) {
            // Environment variables spell every dot as an underscore; no Kafka security key holds an underscore.
            String normalized = name.toLowerCase(Locale.ROOT).replace('_', '.');
            if (!normalized.startsWith(PREFIX)) {
                continue;
            }
            String key = normalized.substring(PREFIX.length());
            if (isSecurityKey(key)) {
                // The dotted name first: the configuration resolves it with its sources' precedence (an
                // environment variable over application.properties), whichever spelling was listed.
                values.apply(PREFIX + key).or(() -> values.apply(name))
                        .ifPresent(value -> security.put(key, value));
            }
        }
        return new KafkaClientSettings(bootstrapServers, security);
    }

    /**
     * Settings from the service's MicroProfile Config, every {@code kafka.} security property included.
     *
     * @param bootstrapServers the broker list
     * @return the settings
     */
    public static KafkaClientSettings fromConfig(String bootstrapServers) {
        Config config = ConfigProvider.getConfig();
        return fromPrefixed(bootstrapServers, config.getPropertyNames(),
                name -> config.getOptionalValue(name, String.class));
    }

    /** The {@code bootstrap.servers} value. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The security protocol, {@code PLAINTEXT} when none is configured. */
    public String securityProtocol() {
        return security.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT");
    }

    /** The names of the security settings held, without their values. */
    public Set<String> securityKeys() {
        return security.keySet();
    }

    /**
     * The configuration of a client: the bootstrap servers, the security settings and the client's own settings.
     *
     * @param own the client's own settings (serializers, acks, ids); they must not repeat a security key
     * @return a new mutable map
     */
    public Map<String, Object> clientConfig(Map<String, ?> own) {
        Map<String, Object> config = new HashMap<>(own);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.putAll(security);
        return config;
    }

    /** The bootstrap servers and protocol, never a secret: fit for logs and error messages. */
    @Override
    public String toString() {
        String mechanism = security.get("sasl.mechanism");
        return bootstrapServers + " (" + securityProtocol() + (mechanism == null ? "" : ", " + mechanism) + ")";
    }

    private static boolean isSecurityKey(String key) {
        return key.equals(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG) || key.startsWith("sasl.")
                || key.startsWith("ssl.");
    }
}
