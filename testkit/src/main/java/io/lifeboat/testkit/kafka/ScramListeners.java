package io.lifeboat.testkit.kafka;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SCRAM-SHA-512 listeners of an embedded broker, {@code SASL_PLAINTEXT} and {@code SASL_SSL}, and the Kafka
 * client properties that use them.
 */
public final class ScramListeners {

    /** The only SASL mechanism the listeners enable. */
    public static final String MECHANISM = "SCRAM-SHA-512";

    private final String saslPlaintextBootstrap;
    private final String saslSslBootstrap;
    private final Path truststorePem;

    ScramListeners(String saslPlaintextBootstrap, String saslSslBootstrap, Path truststorePem) {
        this.saslPlaintextBootstrap = saslPlaintextBootstrap;
        this.saslSslBootstrap = saslSslBootstrap;
        this.truststorePem = truststorePem;
    }

    /** The {@code bootstrap.servers} of the {@code SASL_PLAINTEXT} listener. */
    public String saslPlaintextBootstrap() {
        return saslPlaintextBootstrap;
    }

    /** The {@code bootstrap.servers} of the {@code SASL_SSL} listener. */
    public String saslSslBootstrap() {
        return saslSslBootstrap;
    }

    /** The broker's self-signed certificate (PEM), the whole trust a {@code SASL_SSL} client needs. */
    public Path truststorePem() {
        return truststorePem;
    }

    /**
     * Client properties for the {@code SASL_SSL} listener, named as in a Kafka client properties file.
     *
     * @param user the SCRAM user
     * @param password its password
     * @return {@code bootstrap.servers}, {@code security.protocol}, {@code sasl.*} and {@code ssl.truststore.*}
     */
    public Map<String, String> saslSslClient(String user, String password) {
        Map<String, String> client = saslClient(saslSslBootstrap, "SASL_SSL", user, password);
        // Kafka reads a PEM truststore from a file, as a Kubernetes secret mounts the cluster's CA certificate.
        client.put("ssl.truststore.type", "PEM");
        client.put("ssl.truststore.location", truststorePem.toString());
        return client;
    }

    /**
     * Client properties for the {@code SASL_PLAINTEXT} listener, named as in a Kafka client properties file.
     *
     * @param user the SCRAM user
     * @param password its password
     * @return {@code bootstrap.servers}, {@code security.protocol} and {@code sasl.*}
     */
    public Map<String, String> saslPlaintextClient(String user, String password) {
        return saslClient(saslPlaintextBootstrap, "SASL_PLAINTEXT", user, password);
    }

    private static Map<String, String> saslClient(String bootstrap, String protocol, String user, String password) {
        Map<String, String> client = new LinkedHashMap<>();
        client.put("bootstrap.servers", bootstrap);
        client.put("security.protocol", protocol);
        client.put("sasl.mechanism", MECHANISM);
        client.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user + "\" password=\"" + password + "\";");
        return client;
    }
}
