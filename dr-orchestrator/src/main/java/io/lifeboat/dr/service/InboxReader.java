package io.lifeboat.dr.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import io.lifeboat.events.Topics;
import io.lifeboat.events.admin.KafkaClientSettings;
import io.lifeboat.events.deadletter.DeadLetterPublisher;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.events.envelope.InvalidEventException;

/**
 * Feeds the {@link Inbox} from the broker on a thread of its own: health reports from the latest offset (old ones
 * say nothing about now), policies and the catalog from the beginning, the agents' backup events from the restore
 * timeout back (so a restarted orchestrator still sees the outcome of a restore it asked for), and DR commands
 * through the orchestrator's consumer group, from the earliest offset not yet consumed; a DR command it cannot read goes
 * to {@code lifeboat.deadletter} with the reason.
 */
public final class InboxReader implements AutoCloseable {

    /** Consumer group of the DR commands. */
    public static final String GROUP = "lifeboat-dr-orchestrator";

    private static final Logger LOG = Logger.getLogger(InboxReader.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final KafkaClientSettings kafka;
    private final Inbox inbox;
    private final Duration outcomeWindow;
    private final EventCodec codec = new EventCodec();
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> facts;
    private volatile KafkaConsumer<String, byte[]> commands;
    private Thread thread;

    /**
     * Creates a reader; {@link #start()} starts it.
     *
     * @param kafka the cluster and how to authenticate to it
     * @param inbox where to put what is read
     * @param outcomeWindow how far back agents' restore outcomes are read at start
     */
    public InboxReader(KafkaClientSettings kafka, Inbox inbox, Duration outcomeWindow) {
        this.kafka = kafka;
        this.inbox = inbox;
        this.outcomeWindow = outcomeWindow;
    }

    /** Starts reading on a daemon thread. */
    public void start() {
        thread = new Thread(this::read, "dr-inbox");
        thread.setDaemon(true);
        thread.start();
    }

    private void read() {
        while (running) {
            try {
                readUntilClosed();
                return;
            } catch (WakeupException stopping) {
                // close() woke a consumer up.
                return;
            } catch (AuthenticationException e) {
                // The Kafka user may be created after the orchestrator starts (an operator reconciles it), so a
                // refused login is retried; the executor stays unready meanwhile, as its run log is refused too.
                LOG.warnf("the DR inbox cannot authenticate to Kafka at %s (%s); retrying in %s", kafka,
                        e.getMessage(), RETRY);
                if (!pause()) {
                    return;
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "the DR inbox stopped reading health reports, policies and commands");
                return;
            }
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(RETRY.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void readUntilClosed() {
        try (KafkaConsumer<String, byte[]> factConsumer = new KafkaConsumer<>(kafka.clientConfig(Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "lifeboat-dr-inbox-facts")), new StringDeserializer(),
                new ByteArrayDeserializer());
                KafkaConsumer<String, byte[]> commandConsumer = new KafkaConsumer<>(kafka.clientConfig(Map.of(
                        ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                        ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000,
                        ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 2_000,
                        ConsumerConfig.CLIENT_ID_CONFIG, "lifeboat-dr-inbox-commands")), new StringDeserializer(),
                        new ByteArrayDeserializer());
                KafkaProducer<byte[], byte[]> deadLetterProducer = new KafkaProducer<>(kafka.clientConfig(Map.of(
                        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                        ProducerConfig.CLIENT_ID_CONFIG, "lifeboat-dr-inbox-dead-letters")),
                        new ByteArraySerializer(), new ByteArraySerializer())) {
            DeadLetterPublisher deadLetters = new DeadLetterPublisher(deadLetterProducer, GROUP);
            facts = factConsumer;
            commands = commandConsumer;
            List<TopicPartition> health = partitions(factConsumer, Topics.HEALTH.name());
            List<TopicPartition> policies = partitions(factConsumer, Topics.POLICIES.name());
            List<TopicPartition> catalog = partitions(factConsumer, Topics.CATALOG.name());
            List<TopicPartition> outcomes = partitions(factConsumer, Topics.BACKUP_EVENTS.name());
            List<TopicPartition> all = new ArrayList<>(health);
            all.addAll(policies);
            all.addAll(catalog);
            all.addAll(outcomes);
            factConsumer.assign(all);
            factConsumer.seekToEnd(health);
            factConsumer.seekToBeginning(policies);
            factConsumer.seekToBeginning(catalog);
            seekToTime(factConsumer, outcomes, Instant.now().minus(outcomeWindow));
            commandConsumer.subscribe(List.of(Topics.DR_COMMANDS.name()));
            while (running) {
                factConsumer.poll(POLL).forEach(this::apply);
                // Auto-commit commits on the next poll, after each unreadable command was dead-lettered.
                commandConsumer.poll(POLL).forEach(record -> applyCommand(record, deadLetters));
            }
        }
    }

    private static void seekToTime(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
            Instant from) {
        // A restore that ended before the window is no run's business any more; reading the whole topic would be.
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(partition -> times.put(partition, from.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = offsets.get(partition);
            if (offset == null) {
                consumer.seekToEnd(List.of(partition));
            } else {
                consumer.seek(partition, offset.offset());
            }
        }
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
            } else if (record.topic().equals(Topics.CATALOG.name())) {
                inbox.backupRemoved(record.key());
            }
            return;
        }
        try {
            inbox.accept(codec.decode(record));
        } catch (InvalidEventException e) {
            LOG.warnf("ignoring an unreadable record at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    private void applyCommand(ConsumerRecord<String, byte[]> record, DeadLetterPublisher deadLetters) {
        try {
            inbox.accept(codec.decode(record));
        } catch (InvalidEventException e) {
            LOG.warnf("dead-lettering DR command: %s", e.getMessage());
            try {
                deadLetters.publish(record, e).get();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new WakeupException();
            } catch (ExecutionException failed) {
                // The command is unreadable either way; the inbox keeps reading the next ones.
                LOG.errorf(failed.getCause(), "unable to dead-letter DR command at %s-%d@%d", record.topic(),
                        record.partition(), record.offset());
            }
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
