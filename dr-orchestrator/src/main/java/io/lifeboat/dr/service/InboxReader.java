package io.lifeboat.dr.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import io.lifeboat.events.Topics;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.events.envelope.InvalidEventException;

/**
 * Feeds the {@link Inbox} from the broker on a thread of its own: health reports from the latest offset (old ones
 * say nothing about now), policies from the beginning, and DR commands through the orchestrator's consumer group,
 * from the earliest offset not yet consumed.
 */
public final class InboxReader implements AutoCloseable {

    /** Consumer group of the DR commands. */
    public static final String GROUP = "lifeboat-dr-orchestrator";

    private static final Logger LOG = Logger.getLogger(InboxReader.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final String bootstrap;
    private final Inbox inbox;
    private final EventCodec codec = new EventCodec();
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> facts;
    private volatile KafkaConsumer<String, byte[]> commands;
    private Thread thread;

    /**
     * Creates a reader; {@link #start()} starts it.
     *
     * @param bootstrap the broker's bootstrap servers
     * @param inbox where to put what is read
     */
    public InboxReader(String bootstrap, Inbox inbox) {
        this.bootstrap = bootstrap;
        this.inbox = inbox;
    }

    /** Starts reading on a daemon thread. */
    public void start() {
        thread = new Thread(this::read, "dr-inbox");
        thread.setDaemon(true);
        thread.start();
    }

    private void read() {
        try (KafkaConsumer<String, byte[]> factConsumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "lifeboat-dr-inbox-facts"), new StringDeserializer(),
                new ByteArrayDeserializer());
                KafkaConsumer<String, byte[]> commandConsumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                        ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000,
                        ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 2_000,
                        ConsumerConfig.CLIENT_ID_CONFIG, "lifeboat-dr-inbox-commands"), new StringDeserializer(),
                        new ByteArrayDeserializer())) {
            facts = factConsumer;
            commands = commandConsumer;
            List<TopicPartition> health = partitions(factConsumer, Topics.HEALTH.name());
            List<TopicPartition> policies = partitions(factConsumer, Topics.POLICIES.name());
            factConsumer.assign(concat(health, policies));
            factConsumer.seekToEnd(health);
            factConsumer.seekToBeginning(policies);
            commandConsumer.subscribe(List.of(Topics.DR_COMMANDS.name()));
            while (running) {
                factConsumer.poll(POLL).forEach(this::apply);
                commandConsumer.poll(POLL).forEach(this::apply);
            }
        } catch (WakeupException stopping) {
            // close() woke a consumer up.
        } catch (RuntimeException e) {
            LOG.errorf(e, "the DR inbox stopped reading health reports, policies and commands");
        }
    }

    private static List<TopicPartition> concat(List<TopicPartition> a, List<TopicPartition> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, String topic) {
        while (running) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            }
        }
        throw new WakeupException();
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            if (record.topic().equals(Topics.POLICIES.name())) {
                inbox.policyRemoved(record.key());
            }
            return;
        }
        try {
            inbox.accept(codec.decode(record).payload());
        } catch (InvalidEventException e) {
            LOG.warnf("ignoring an unreadable record at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, byte[]> current = facts;
        if (current != null) {
            current.wakeup();
        }
        KafkaConsumer<String, byte[]> group = commands;
        if (group != null) {
            group.wakeup();
        }
    }
}
