package io.lifeboat.cli.chaos.agents;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.lifeboat.cli.chaos.ChaosTally;
import io.lifeboat.cli.chaos.CommandLedger;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Topics;
import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.backup.BackupFailed;
import io.lifeboat.events.backup.BackupProgressed;
import io.lifeboat.events.backup.BackupStarted;
import io.lifeboat.events.backup.BackupVerified;
import io.lifeboat.events.backup.VerificationFailed;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;

/**
 * Reads {@code lifeboat.backup.events} from its beginning on a thread of its own, records every backup fact in a
 * {@link CommandLedger} and keeps what each command's backup did and when, so that a round can wait for one fact of
 * its command; also keeps the outcomes of verifications. Thread-safe.
 */
final class FactFeed implements AutoCloseable {

    /** What a fact said about a backup command. */
    enum Kind {
        STARTED, PROGRESSED, COMPLETED, FAILED
    }

    /**
     * One fact of a backup command as this feed read it.
     *
     * @param kind what happened
     * @param backupId the backup the fact names
     * @param storedBytes bytes in the store so far (progress and completion), else 0
     * @param seenAtNanos {@link System#nanoTime()} when the feed read it
     * @param detail the step and reason of a failure, else empty
     */
    record Seen(Kind kind, String backupId, long storedBytes, long seenAtNanos, String detail) {
    }

    /**
     * What {@link #reruns()} found.
     *
     * @param reran commands whose backup started again after it completed
     * @param findings one line per such start and per failed attempt
     */
    record Reruns(int reran, List<String> findings) {
    }

    private final CommandLedger ledger = new CommandLedger();
    private final Map<String, String> sent = new LinkedHashMap<>();
    private final Map<String, List<Seen>> byCommand = new HashMap<>();
    private final Map<String, String> commandOfBackup = new HashMap<>();
    private final Map<String, BackupCompleted> completions = new LinkedHashMap<>();
    private final Map<String, LifeboatMessage> verifications = new HashMap<>();
    private final List<String> findings = new ArrayList<>();
    private final EventCodec codec = new EventCodec();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread reader;
    private volatile boolean running = true;

    FactFeed(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new ByteArrayDeserializer());
        String topic = Topics.BACKUP_EVENTS.name();
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        reader = new Thread(this::read, "chaos-agents-facts");
        reader.setDaemon(true);
        reader.start();
    }

    /** Records a command the scenario sent. */
    synchronized void sent(String commandId, String target) {
        ledger.sent(commandId, target);
        sent.put(commandId, target);
    }

    /**
     * Waits for the first fact of {@code commandId} that {@code wanted} accepts.
     *
     * @return the fact, or empty when none came within {@code patience}
     */
    synchronized Optional<Seen> await(String commandId, Predicate<Seen> wanted, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Optional<Seen> found = byCommand.getOrDefault(commandId, List.of()).stream().filter(wanted).findFirst();
            long left = deadline - System.nanoTime();
            if (found.isPresent() || left <= 0) {
                return found;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Every fact of {@code commandId} read so far, in order. */
    synchronized List<Seen> facts(String commandId) {
        return List.copyOf(byCommand.getOrDefault(commandId, List.of()));
    }

    /** Whether a command's backup completed or failed. */
    synchronized boolean hasOutcome(String commandId) {
        return byCommand.getOrDefault(commandId, List.of()).stream()
                .anyMatch(s -> s.kind() == Kind.COMPLETED || s.kind() == Kind.FAILED);
    }

    /**
     * Waits until every command sent has an outcome.
     *
     * @return the commands still without one when {@code patience} ran out
     */
    synchronized List<String> awaitOutcomes(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            List<String> open = sent.keySet().stream().filter(c -> !hasOutcome(c)).toList();
            long left = deadline - System.nanoTime();
            if (open.isEmpty() || left <= 0) {
                return open;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /**
     * Facts that no count of the ledger covers: a backup that started again after its command completed (the
     * redelivered command must re-emit the outcome from the manifest, not run), and failed attempts.
     *
     * @return the commands whose backup ran again, and one line per such fact
     */
    synchronized Reruns reruns() {
        int reran = 0;
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, List<Seen>> command : byCommand.entrySet()) {
            boolean completed = false;
            boolean counted = false;
            for (Seen seen : command.getValue()) {
                if (seen.kind() == Kind.COMPLETED) {
                    completed = true;
                } else if (seen.kind() == Kind.STARTED && completed && !counted) {
                    reran++;
                    counted = true;
                    lines.add("command " + command.getKey() + " started backup " + seen.backupId()
                            + " again after it had completed");
                } else if (seen.kind() == Kind.FAILED) {
                    lines.add("command " + command.getKey() + " had a failed attempt of backup " + seen.backupId()
                            + ": " + seen.detail());
                }
            }
        }
        return new Reruns(reran, lines);
    }

    /** Every completed backup read so far, by backup id. */
    synchronized Map<String, BackupCompleted> completions() {
        return new LinkedHashMap<>(completions);
    }

    /**
     * Waits for the outcome of a verification: {@link BackupVerified} or {@link VerificationFailed}.
     *
     * @return the outcome, or empty when none came within {@code patience}
     */
    synchronized Optional<LifeboatMessage> awaitVerification(String commandId, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!verifications.containsKey(commandId) && System.nanoTime() < deadline) {
            wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        return Optional.ofNullable(verifications.get(commandId));
    }

    /** The ledger's count, and one finding per record of the topic that could not be decoded. */
    synchronized ChaosTally tally(String scenario) {
        ChaosTally counted = ledger.tally(scenario);
        List<String> all = new ArrayList<>(counted.findings());
        all.addAll(findings);
        return new ChaosTally(scenario, counted.lost(), counted.duplicated(), counted.stuck(),
                counted.consumerCrashes(), counted.malformed(), counted.deadlettered(), counted.valid(),
                counted.validCompleted(), all);
    }

    private void read() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    take(record);
                }
            }
        } catch (WakeupException stopping) {
            // close() asked the reader to stop.
        } catch (RuntimeException e) {
            synchronized (this) {
                findings.add("the scenario's reader of " + Topics.BACKUP_EVENTS.name() + " stopped: " + e);
            }
        }
    }

    private synchronized void take(ConsumerRecord<String, byte[]> record) {
        Envelope<?> envelope;
        try {
            envelope = codec.decode(record);
        } catch (RuntimeException e) {
            findings.add("record " + record.partition() + "/" + record.offset() + " of " + record.topic()
                    + " could not be decoded: " + e.getMessage());
            return;
        }
        long now = System.nanoTime();
        LifeboatMessage payload = envelope.payload();
        if (payload instanceof BackupStarted s) {
            ledger.started(s.commandId(), s.backupId());
            commandOfBackup.put(s.backupId(), s.commandId());
            add(s.commandId(), new Seen(Kind.STARTED, s.backupId(), 0, now, ""));
        } else if (payload instanceof BackupProgressed p) {
            String command = commandOfBackup.get(p.backupId());
            if (command != null) {
                add(command, new Seen(Kind.PROGRESSED, p.backupId(), p.storedBytes(), now, ""));
            }
        } else if (payload instanceof BackupCompleted c) {
            ledger.completed(c.commandId(), c.backupId(), envelope.id());
            commandOfBackup.put(c.backupId(), c.commandId());
            completions.put(c.backupId(), c);
            add(c.commandId(), new Seen(Kind.COMPLETED, c.backupId(), c.storedBytes(), now, ""));
        } else if (payload instanceof BackupFailed f) {
            ledger.failed(f.commandId(), f.backupId(), f.failedStep() + ": " + f.reason());
            add(f.commandId(), new Seen(Kind.FAILED, f.backupId(), 0, now, f.failedStep() + ": " + f.reason()));
        } else if (payload instanceof BackupVerified v) {
            verifications.put(v.commandId(), v);
        } else if (payload instanceof VerificationFailed v) {
            verifications.put(v.commandId(), v);
        }
        notifyAll();
    }

    private void add(String commandId, Seen seen) {
        byCommand.computeIfAbsent(commandId, c -> new ArrayList<>()).add(seen);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        reader.join(10_000);
        consumer.close(Duration.ofSeconds(5));
    }
}
