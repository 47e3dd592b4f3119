package io.lifeboat.testkit.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import io.lifeboat.testkit.process.FreePorts;
import io.lifeboat.testkit.process.TempDirs;
import io.lifeboat.testkit.support.QuietLoggers;

/**
 * An embedded Apache Kafka cluster in KRaft mode: {@code size} combined broker + controller nodes in this JVM, all
 * voters of one quorum, on free ports of 127.0.0.1 and in one temp directory deleted on {@link #close()}.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path root;
    private final List<KafkaNode> nodes;
    private Admin admin;

    private KafkaCluster(Path root, List<KafkaNode> nodes) {
        this.root = root;
        this.nodes = nodes;
    }

    /** Formats and starts {@code size} nodes and returns once every broker is registered and unfenced. */
    public static KafkaCluster start(int size) {
        return start(size, false);
    }

    /** Starts one node that also has the SCRAM listeners of {@link #scramListeners()}. */
    static KafkaCluster startWithScram() {
        return start(1, true);
    }

    private static KafkaCluster start(int size, boolean scram) {
        if (size < 1) {
            throw new IllegalArgumentException("a Kafka cluster needs at least one node, not " + size);
        }
        QuietLoggers.warnOnly("kafka", "org.apache.kafka", "state.change.logger");
        Path root = TempDirs.create("lifeboat-kafka-");
        List<KafkaNode> nodes = new ArrayList<>();
        KafkaCluster cluster = new KafkaCluster(root, nodes);
        try {
            KafkaCertificates certificates = scram ? KafkaCertificates.create(root) : null;
            for (int id = 0; id < size; id++) {
                KafkaNode.SecuredPorts secured = scram
                        ? new KafkaNode.SecuredPorts(FreePorts.find(), FreePorts.find(), certificates)
                        : null;
                nodes.add(new KafkaNode(id, FreePorts.find(), FreePorts.find(), root.resolve("node-" + id),
                        secured));
            }
            String clusterId = Uuid.randomUuid().toString();
            for (KafkaNode node : nodes) {
                node.format(KafkaSettings.forNode(node, nodes), clusterId);
            }
            // In parallel: a node's start-up waits for a quorum that the other nodes provide.
            runOnEach(nodes, KafkaNode::start);
            KafkaTopics.awaitBrokers(cluster.admin(), size, READY_TIMEOUT);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw new IllegalStateException("unable to start a " + size + "-node Kafka cluster in " + root + ": "
                    + e.getMessage(), e);
        }
    }

    /** The SCRAM listeners of a cluster started with them; null otherwise. */
    ScramListeners scramListeners() {
        KafkaNode.SecuredPorts secured = nodes.get(0).secured();
        if (secured == null) {
            return null;
        }
        return new ScramListeners("127.0.0.1:" + secured.saslPlaintextPort(), "127.0.0.1:" + secured.saslSslPort(),
                secured.certificates().certificatePem());
    }

    /** The {@code bootstrap.servers} value listing every node, stopped ones included. */
    public String bootstrapServers() {
        return nodes.stream().map(KafkaNode::bootstrapAddress).collect(Collectors.joining(","));
    }

    public int size() {
        return nodes.size();
    }

    /** Stops node {@code index} (0-based) the way a crashed-and-drained broker leaves: its data stays on disk. */
    public void stopNode(int index) {
        nodes.get(index).stop();
    }

    /** Starts a stopped node again on its former ports and data, and waits until all brokers are back. */
    public void restartNode(int index) {
        KafkaNode node = nodes.get(index);
        if (!node.running()) {
            node.start();
        }
        KafkaTopics.awaitBrokers(admin(), (int) nodes.stream().filter(KafkaNode::running).count(), READY_TIMEOUT);
    }

    /** Creates a topic unless it exists, replicated on up to three nodes; compacted ones keep the newest per key. */
    public void createTopic(String name, int partitions, boolean compacted) {
        KafkaTopics.create(admin(), name, partitions, (short) Math.min(size(), 3), compacted);
    }

    /** A new admin client for this cluster; the caller closes it. */
    public Admin newAdmin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = newAdmin();
        }
        return admin;
    }

    /** Stops every node and deletes the cluster's temp directory. */
    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
        // Together: a combined node shutting down alone waits on a quorum the others would no longer form.
        runOnEach(nodes, KafkaNode::stop);
        TempDirs.deleteRecursively(root);
    }

    private static void runOnEach(List<KafkaNode> nodes, java.util.function.Consumer<KafkaNode> action) {
        try {
            CompletableFuture.allOf(nodes.stream()
                    .map(node -> CompletableFuture.runAsync(() -> action.accept(node)))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
