package io.lifeboat.testkit.kafka;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/** One combined broker + controller of an embedded KRaft cluster: its ports, its storage and its server. */
final class KafkaNode implements KafkaNodeRunner {

    private final int nodeId;
    private final int brokerPort;
    private final int controllerPort;
    private final Path dataDir;
    private final SecuredPorts secured;
    private KafkaConfig config;
    private KafkaRaftServer server;

    KafkaNode(int nodeId, int brokerPort, int controllerPort, Path dataDir) {
        this(nodeId, brokerPort, controllerPort, dataDir, null);
    }

    KafkaNode(int nodeId, int brokerPort, int controllerPort, Path dataDir, SecuredPorts secured) {
        this.nodeId = nodeId;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
        this.secured = secured;
    }

    /**
     * The SCRAM listeners of a node, when it has them.
     *
     * @param saslPlaintextPort port of the {@code SASL_PLAINTEXT} listener
     * @param saslSslPort port of the {@code SASL_SSL} listener
     * @param certificates the broker's key and certificate
     */
    record SecuredPorts(int saslPlaintextPort, int saslSslPort, KafkaCertificates certificates) {
    }

    SecuredPorts secured() {
        return secured;
    }

    int nodeId() {
        return nodeId;
    }

    Path dataDir() {
        return dataDir;
    }

    int brokerPort() {
        return brokerPort;
    }

    int controllerPort() {
        return controllerPort;
    }

    String bootstrapAddress() {
        return "127.0.0.1:" + brokerPort;
    }

    @Override
    public boolean running() {
        return server != null;
    }

    /** Writes meta.properties and the bootstrap metadata, as {@code kafka-storage.sh format} does. */
    void format(Properties props, String clusterId) {
        config = new KafkaConfig(props, false);
        try {
            new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
                    .setControllerListenerName(KafkaSettings.CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setDirectories(config.logDirs())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("unable to format Kafka node " + nodeId + " storage in " + dataDir + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void start() {
        KafkaRaftServer starting = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            starting.startup();
        } catch (RuntimeException e) {
            stopQuietly(starting);
            throw new IllegalStateException("unable to start Kafka node " + nodeId + " in " + dataDir + " on ports "
                    + brokerPort + "/" + controllerPort + ": " + e.getMessage(), e);
        }
        server = starting;
    }

    @Override
    public void stop() {
        if (server != null) {
            KafkaRaftServer stopping = server;
            server = null;
            stopQuietly(stopping);
        }
    }

    private static void stopQuietly(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }
}
