package io.lifeboat.cli.chaos.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.lifeboat.cli.chaos.ChaosTally;
import io.lifeboat.cli.chaos.CommandLedger;
import io.lifeboat.events.Topics;
import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.backup.BackupFailed;
import io.lifeboat.events.backup.BackupStarted;
import io.lifeboat.events.backup.BackupVerified;
import io.lifeboat.events.backup.VerificationFailed;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;

/**
 * Reads {@code lifeboat.backup.events} from its beginning on a thread of its own while the scenario runs: records
 * every backup fact in a {@link CommandLedger} and keeps the last outcome of each backup and of each verification.
 * Every accessor locks, so the scenario reads a consistent view.
 */
final class BackupEventsFollower implements AutoCloseable {

    private final CommandLedger ledger = new CommandLedger();
    private final Map<String, BackupCompleted> completed = new LinkedHashMap<>();
    private final Map<String, BackupFailed> failed = new LinkedHashMap<>();
    private final Map<String, Object> verifications = new LinkedHashMap<>();
    private final Map<String, Boolean> outcomes = new LinkedHashMap<>();
    private final List<String> unreadable = new ArrayList<>();
    private final EventCodec codec = new EventCodec();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile Exception failure;

    BackupEventsFollower(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer());
        thread = new Thread(() -> follow(consumer), "chaos-store-backup-events");
        thread.setDaemon(true);
        thread.start();
    }

    /** Records a command the scenario sent. */
    synchronized void sent(String commandId, String target) {
        ledger.sent(commandId, target);
    }

    /** The ledger's count so far. */
    synchronized ChaosTally tally(String scenario) {
        return ledger.tally(scenario);
    }

    /** Whether a backup outcome names {@code commandId}. */
    synchronized boolean hasOutcome(String commandId) {
        return outcomes.containsKey(commandId);
    }

    /** The commands among {@code commandIds} without an outcome yet. */
    synchronized List<String> withoutOutcome(List<String> commandIds) {
        return commandIds.stream().filter(Predicate.not(outcomes::containsKey)).toList();
    }

    /** Every backup that completed, by backup id. */
    synchronized Map<String, BackupCompleted> completed() {
        return Map.copyOf(completed);
    }

    /** Every backup that failed, by backup id. */
    synchronized Map<String, BackupFailed> failed() {
        return Map.copyOf(failed);
    }

    /** The {@link BackupVerified} or {@link VerificationFailed} of a verify command, or null. */
    synchronized Object verification(String commandId) {
        return verifications.get(commandId);
    }

    /** The facts that could not be decoded, each with its offset and the cause. */
    synchronized List<String> unreadable() {
        return List.copyOf(unreadable);
    }

    /** Why following stopped, if it did. */
    Exception failure() {
        return failure;
    }

    private void follow(KafkaConsumer<String, byte[]> consumer) {
        try (consumer) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.BACKUP_EVENTS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        fold(codec.decode(record));
                    } catch (RuntimeException e) {
                        undecodable(record, e);
                    }
                }
            }
        } catch (Exception e) {
            failure = e;
        }
    }

    private synchronized void undecodable(ConsumerRecord<String, byte[]> record, RuntimeException e) {
        unreadable.add(record.topic() + "-" + record.partition() + "@" + record.offset() + ": " + e.getMessage());
    }

    private synchronized void fold(Envelope<?> event) {
        Object payload = event.payload();
        if (payload instanceof BackupStarted s) {
            ledger.started(s.commandId(), s.backupId());
        } else if (payload instanceof BackupCompleted c) {
            ledger.completed(c.commandId(), c.backupId(), event.id());
            completed.put(c.backupId(), c);
            outcomes.put(c.commandId(), true);
        } else if (payload instanceof BackupFailed f) {
            ledger.failed(f.commandId(), f.backupId(), f.failedStep() + ": " + f.reason());
            failed.put(f.backupId(), f);
            outcomes.putIfAbsent(f.commandId(), false);
        } else if (payload instanceof BackupVerified v) {
            verifications.put(v.commandId(), v);
        } else if (payload instanceof VerificationFailed v) {
            verifications.put(v.commandId(), v);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(10_000);
    }
}
