package io.lifeboat.testkit.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import io.lifeboat.testkit.process.JvmExit;

/**
 * A single-node Apache Kafka broker for tests: embedded in this JVM in KRaft mode, or a Testcontainers container
 * when a Docker engine answers and {@code LIFEBOAT_TESTKIT} is not {@code embedded}.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration READY = Duration.ofSeconds(30);

    private static volatile KafkaBroker shared;

    private final String bootstrapServers;
    private final AutoCloseable backend;
    private final KafkaCluster embedded;

    private KafkaBroker(String bootstrapServers, AutoCloseable backend, KafkaCluster embedded) {
        this.bootstrapServers = bootstrapServers;
        this.backend = backend;
        this.embedded = embedded;
    }

    /** Starts a new broker that the caller closes. */
    public static KafkaBroker start() {
        if (ContainerKafka.usable()) {
            ContainerKafka container = ContainerKafka.start();
            return new KafkaBroker(container.bootstrapServers(), container, null);
        }
        KafkaCluster cluster = KafkaCluster.start(1);
        return new KafkaBroker(cluster.bootstrapServers(), cluster, cluster);
    }

    /**
     * Starts a new embedded broker that the caller closes, with {@code SASL_PLAINTEXT} and {@code SASL_SSL}
     * listeners (SCRAM-SHA-512, a self-signed certificate) beside the usual {@code PLAINTEXT} one.
     */
    public static KafkaBroker startWithScram() {
        KafkaCluster cluster = KafkaCluster.startWithScram();
        return new KafkaBroker(cluster.bootstrapServers(), cluster, cluster);
    }

    /** The broker of this JVM: started on first use, stopped by a shutdown hook; tests must not close it. */
    public static KafkaBroker shared() {
        KafkaBroker broker = shared;
        if (broker == null) {
            synchronized (KafkaBroker.class) {
                broker = shared;
                if (broker == null) {
                    broker = start();
                    JvmExit.register(broker::close);
                    shared = broker;
                }
            }
        }
        return broker;
    }

    /** Starts an embedded cluster of {@code size} combined nodes (a 3-voter quorum for 3), for fault tests. */
    public static KafkaCluster startCluster(int size) {
        return KafkaCluster.start(size);
    }

    /** The {@code bootstrap.servers} value clients use. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** True when the broker runs in this JVM rather than in a container. */
    public boolean embedded() {
        return embedded != null;
    }

    /**
     * The SCRAM listeners of a broker from {@link #startWithScram()}.
     *
     * @return the listeners
     * @throws IllegalStateException when the broker was started without them
     */
    public ScramListeners scram() {
        ScramListeners listeners = embedded == null ? null : embedded.scramListeners();
        if (listeners == null) {
            throw new IllegalStateException("Kafka broker at " + bootstrapServers + " has no SCRAM listeners: "
                    + "start it with KafkaBroker.startWithScram()");
        }
        return listeners;
    }

    /**
     * Creates or updates a SCRAM-SHA-512 user and returns once a client can authenticate as it on the
     * {@code SASL_SSL} listener: the broker learns credentials from the metadata log shortly after the controller.
     *
     * @param user the user name
     * @param password its password
     */
    public void addScramUser(String user, String password) {
        ScramListeners listeners = scram();
        try (Admin admin = newAdmin()) {
            KafkaUsers.upsert(admin, user, password);
        }
        KafkaUsers.awaitAuthentication(listeners.saslSslClient(user, password), user, READY);
    }

    /** Creates a topic unless it exists; a compacted one has {@code cleanup.policy=compact}. */
    public void createTopic(String name, int partitions, boolean compacted) {
        try (Admin admin = newAdmin()) {
            KafkaTopics.create(admin, name, partitions, (short) 1, compacted);
        }
    }

    /** A new admin client for this broker; the caller closes it. */
    public Admin newAdmin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    /** Every record of {@code topic} up to its current end, read committed; waits at most {@code patience}. */
    public List<ConsumerRecord<String, byte[]>> readCommitted(String topic, Duration patience) {
        return KafkaReads.committedRecords(bootstrapServers, topic, patience);
    }

    /** The offset {@code group} has committed for {@code partition}, if any. */
    public Optional<OffsetAndMetadata> committedOffset(String group, TopicPartition partition) {
        try (Admin admin = newAdmin()) {
            return KafkaReads.committedOffset(admin, group, partition);
        }
    }

    /**
     * Every record of {@code topic} up to its current end, read committed through a client configured with
     * {@code client}, e.g. {@link ScramListeners#saslSslClient(String, String)}; waits at most {@code patience}.
     */
    public List<ConsumerRecord<String, byte[]>> readCommitted(String topic, Duration patience,
            Map<String, String> client) {
        return KafkaReads.committedRecords(client, topic, patience);
    }

    /** Stops the broker and deletes its data. */
    @Override
    public void close() {
        try {
            backend.close();
        } catch (Exception e) {
            throw new IllegalStateException("unable to stop Kafka broker at " + bootstrapServers + ": " + e, e);
        }
    }
}
