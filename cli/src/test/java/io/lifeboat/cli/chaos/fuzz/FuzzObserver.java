package io.lifeboat.cli.chaos.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.lifeboat.cli.chaos.CommandLedger;
import io.lifeboat.events.Topics;
import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.backup.BackupFailed;
import io.lifeboat.events.backup.BackupStarted;
import io.lifeboat.events.catalog.CatalogEntry;
import io.lifeboat.events.deadletter.DeadLetterHeaders;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.events.envelope.InvalidEventException;

/**
 * Reads {@code lifeboat.deadletter}, {@code lifeboat.backup.events} and {@code lifeboat.catalog} from the beginning
 * while the scenario runs: dead letters go to the {@link DeadLetterJudge}, the agents' answers to the scenario's
 * commands to the {@link CommandLedger}, and the catalog's backup ids are kept. Not thread-safe; close it.
 */
final class FuzzObserver implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final EventCodec codec = new EventCodec();
    private final DeadLetterJudge judge;
    private final CommandLedger ledger;
    private final Set<String> commandIds;
    private final Set<String> catalogBackups = new HashSet<>();

    FuzzObserver(String bootstrapServers, DeadLetterJudge judge, CommandLedger ledger, Set<String> commandIds) {
        this.judge = judge;
        this.ledger = ledger;
        this.commandIds = commandIds;
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 * 1024 * 1024), new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.DEADLETTER.name(), Topics.BACKUP_EVENTS.name(), Topics.CATALOG.name())) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads what arrived within {@code timeout}. */
    void poll(Duration timeout) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            if (record.topic().equals(Topics.DEADLETTER.name())) {
                String id = header(record, FuzzRecord.CHAOS_ID);
                judge.deadLettered(id == null ? record.key() : id, header(record, DeadLetterHeaders.GROUP),
                        header(record, DeadLetterHeaders.REASON));
            } else if (record.value() != null) {
                fact(record);
            }
        }
    }

    /** The backup ids the catalog has an entry for. */
    Set<String> catalogBackups() {
        return catalogBackups;
    }

    private void fact(ConsumerRecord<String, byte[]> record) {
        Envelope<?> envelope;
        try {
            envelope = codec.decode(record);
        } catch (InvalidEventException malformed) {
            // The scenario's own malformed records.
            return;
        }
        Object payload = envelope.payload();
        if (payload instanceof CatalogEntry entry) {
            catalogBackups.add(entry.backupId());
        } else if (payload instanceof BackupStarted started && commandIds.contains(started.commandId())) {
            ledger.started(started.commandId(), started.backupId());
        } else if (payload instanceof BackupCompleted completed && commandIds.contains(completed.commandId())) {
            ledger.completed(completed.commandId(), completed.backupId(), envelope.id());
        } else if (payload instanceof BackupFailed failed && commandIds.contains(failed.commandId())) {
            ledger.failed(failed.commandId(), failed.backupId(), failed.reason());
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
