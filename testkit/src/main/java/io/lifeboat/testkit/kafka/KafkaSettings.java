package io.lifeboat.testkit.kafka;

import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/** The broker configuration of an embedded test cluster: small, fast and replicated as far as the cluster allows. */
final class KafkaSettings {

    static final String CONTROLLER_LISTENER = "CONTROLLER";

    private KafkaSettings() {
    }

    static Properties forNode(KafkaNode node, List<KafkaNode> all) {
        int size = all.size();
        // A 3-node cluster keeps working with one node down: RF 3 and min ISR 2 for internal and default topics.
        String replicas = String.valueOf(Math.min(size, 3));
        String minIsr = size >= 3 ? "2" : "1";
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(node.nodeId()));
        p.put("controller.quorum.voters", all.stream()
                .map(n -> n.nodeId() + "@127.0.0.1:" + n.controllerPort())
                .collect(Collectors.joining(",")));
        p.put("listeners", "PLAINTEXT://" + node.bootstrapAddress() + "," + CONTROLLER_LISTENER + "://127.0.0.1:"
                + node.controllerPort());
        p.put("advertised.listeners", "PLAINTEXT://" + node.bootstrapAddress());
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        if (node.secured() != null) {
            addScramListeners(p, node);
        }
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", node.dataDir().toString());

        p.put("offsets.topic.replication.factor", replicas);
        p.put("transaction.state.log.replication.factor", replicas);
        p.put("transaction.state.log.min.isr", minIsr);
        p.put("share.coordinator.state.topic.replication.factor", replicas);
        p.put("share.coordinator.state.topic.min.isr", minIsr);
        p.put("default.replication.factor", replicas);
        p.put("min.insync.replicas", minIsr);
        // Fewer internal partitions: the first consumer group and the first transaction come up in milliseconds.
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Same as a stock broker and the Testcontainers image, so a test behaves alike on both.
        p.put("auto.create.topics.enable", "true");
        p.put("num.partitions", "1");

        // Small footprint on a 2-core CI machine; the default cleaner buffer alone is 128 MiB per broker.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        p.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.cleaner.threads", "1");
        return p;
    }

    /**
     * SASL_PLAINTEXT and SASL_SSL listeners with SCRAM-SHA-512 beside PLAINTEXT, which stays the inter-broker and
     * the tests' own way in (creating SCRAM users among other things).
     */
    private static void addScramListeners(Properties p, KafkaNode node) {
        KafkaNode.SecuredPorts secured = node.secured();
        String saslPlaintext = "SASL_PLAINTEXT://127.0.0.1:" + secured.saslPlaintextPort();
        String saslSsl = "SASL_SSL://127.0.0.1:" + secured.saslSslPort();
        p.put("listeners", p.getProperty("listeners") + "," + saslPlaintext + "," + saslSsl);
        p.put("advertised.listeners", p.getProperty("advertised.listeners") + "," + saslPlaintext + "," + saslSsl);
        p.put("listener.security.protocol.map", p.getProperty("listener.security.protocol.map")
                + ",SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL");
        p.put("sasl.enabled.mechanisms", ScramListeners.MECHANISM);
        // The broker side of SCRAM needs a login module but no credentials: users live in the cluster metadata.
        String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required;";
        p.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config", jaas);
        p.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", jaas);
        p.put("listener.name.sasl_ssl.ssl.keystore.type", "PKCS12");
        p.put("listener.name.sasl_ssl.ssl.keystore.location", secured.certificates().keystore().toString());
        p.put("listener.name.sasl_ssl.ssl.keystore.password", KafkaCertificates.KEYSTORE_PASSWORD);
        p.put("listener.name.sasl_ssl.ssl.key.password", KafkaCertificates.KEYSTORE_PASSWORD);
    }
}
