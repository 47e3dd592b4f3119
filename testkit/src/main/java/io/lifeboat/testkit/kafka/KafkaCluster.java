package io.lifeboat.testkit.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
 * An embedded Apache Kafka cluster in KRaft mode: {@code size} combined broker + controller nodes in this JVM, or
 * each in a child JVM of its own ({@link #startForked}), all voters of one quorum, on free ports of 127.0.0.1 and in
 * one temp directory deleted on {@link #close()}.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    // Three fresh JVMs load and JIT Kafka at once, on a machine that may be busy with other work.
    private static final Duration FORKED_READY_TIMEOUT = Duration.ofSeconds(180);

    private final Path root;
    private final List<KafkaNode> nodes;
    /** How each node runs: the node itself in this JVM, or its child JVM; same order as {@link #nodes}. */
    private final List<KafkaNodeRunner> runners;
    private Admin admin;

    private KafkaCluster(Path root, List<KafkaNode> nodes, List<KafkaNodeRunner> runners) {
        this.root = root;
        this.nodes = nodes;
        this.runners = runners;
    }

    /** Formats and starts {@code size} nodes and returns once every broker is registered and unfenced. */
    public static KafkaCluster start(int size) {
        return start(size, false);
    }

    /** Starts one node that also has the SCRAM listeners of {@link #scramListeners()}. */
    static KafkaCluster startWithScram() {
        return start(1, true);
    }

    /**
     * Formats {@code size} nodes and starts each in a child JVM of its own, so that {@link #killNode} can kill one
     * with SIGKILL; returns once every node serves clients and sees every broker registered and unfenced.
     */
    public static KafkaCluster startForked(int size) {
        checkSize(size);
        QuietLoggers.warnOnly("kafka", "org.apache.kafka", "state.change.logger");
        Path root = TempDirs.create("lifeboat-kafka-");
        List<KafkaNode> nodes = new ArrayList<>();
        List<KafkaNodeRunner> runners = new ArrayList<>();
        KafkaCluster cluster = new KafkaCluster(root, nodes, runners);
        try {
            for (int id = 0; id < size; id++) {
                nodes.add(new KafkaNode(id, FreePorts.find(), FreePorts.find(), root.resolve("node-" + id)
                        .resolve("data")));
            }
            String clusterId = Uuid.randomUuid().toString();
            for (KafkaNode node : nodes) {
                Properties settings = KafkaSettings.forNode(node, nodes);
                node.format(settings, clusterId);
                runners.add(new ForkedKafkaNode(node, settings, node.dataDir().getParent()));
            }
            runners.forEach(KafkaNodeRunner::start);
            runOnEach(runners, runner -> ((ForkedKafkaNode) runner).awaitServing(size, FORKED_READY_TIMEOUT));
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw new IllegalStateException("unable to start a forked " + size + "-node Kafka cluster in " + root
                    + ": " + e.getMessage(), e);
        }
    }

    private static void checkSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a Kafka cluster needs at least one node, not " + size);
        }
    }

    private static KafkaCluster start(int size, boolean scram) {
        checkSize(size);
        QuietLoggers.warnOnly("kafka", "org.apache.kafka", "state.change.logger");
        Path root = TempDirs.create("lifeboat-kafka-");
        List<KafkaNode> nodes = new ArrayList<>();
        KafkaCluster cluster = new KafkaCluster(root, nodes, new ArrayList<>());
        try {
            KafkaCertificates certificates = scram ? KafkaCertificates.create(root) : null;
            for (int id = 0; id < size; id++) {
                KafkaNode.SecuredPorts secured = scram
                        ? new KafkaNode.SecuredPorts(FreePorts.find(), FreePorts.find(), certificates)
                        : null;
                nodes.add(new KafkaNode(id, FreePorts.find(), FreePorts.find(), root.resolve("node-" + id),
                        secured));
            }
            cluster.runners.addAll(nodes);
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

    /**
     * Stops node {@code index} (0-based) the way a drained broker leaves: controlled shutdown (its leaderships move
     * first), logs flushed; its data stays on disk. A forked node gets SIGTERM and runs Kafka's own shutdown.
     */
    public void stopNode(int index) {
        runners.get(index).stop();
    }

    /**
     * Kills node {@code index} (0-based) of a forked cluster the way a crashed machine's broker dies: SIGKILL of its
     * JVM, no controlled shutdown, no flush; its data stays on disk as the kill left it.
     *
     * @throws IllegalStateException when the cluster runs in this JVM, which cannot kill a part of itself
     */
    public void killNode(int index) {
        if (!(runners.get(index) instanceof ForkedKafkaNode forked)) {
            throw new IllegalStateException("unable to kill Kafka node " + index + ": it runs in this JVM; start the "
                    + "cluster with KafkaCluster.startForked to kill nodes");
        }
        forked.kill();
    }

    /**
     * Starts a stopped or killed node again on its former ports and data, and waits until all brokers are back (a
     * forked node: until it serves clients itself and sees every running broker).
     */
    public void restartNode(int index) {
        KafkaNodeRunner runner = runners.get(index);
        if (!runner.running()) {
            runner.start();
        }
        int running = (int) runners.stream().filter(KafkaNodeRunner::running).count();
        if (runner instanceof ForkedKafkaNode forked) {
            forked.awaitServing(running, FORKED_READY_TIMEOUT);
        }
        KafkaTopics.awaitBrokers(admin(), running, READY_TIMEOUT);
    }

    /** The output of node {@code index} of a forked cluster ({@code server.log} beside its data); null in-JVM. */
    public Path nodeLog(int index) {
        return runners.get(index) instanceof ForkedKafkaNode forked ? forked.log() : null;
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

    /**
     * Stops every node and deletes the cluster's temp directory. A forked cluster's child JVMs are killed: their data
     * is deleted next, so a shutdown in order would only cost time (and a child left behind by a parent that dies
     * before this is killed by the parent's shutdown hook).
     */
    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
        // Together: a combined node shutting down alone waits on a quorum the others would no longer form.
        runOnEach(runners, runner -> {
            if (runner instanceof ForkedKafkaNode forked) {
                forked.kill();
            } else {
                runner.stop();
            }
        });
        TempDirs.deleteRecursively(root);
    }

    private static <T> void runOnEach(List<T> nodes, java.util.function.Consumer<T> action) {
        try {
            CompletableFuture.allOf(nodes.stream()
                    .map(node -> CompletableFuture.runAsync(() -> action.accept(node)))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
