package io.lifeboat.scheduler.it;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.lifeboat.events.Topics;
import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.backup.BackupStarted;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.backup.StorageLocation;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;

/**
 * Answers every RunBackup on the PostgreSQL command topic at once with BackupStarted and BackupCompleted, as an agent
 * taking instant backups would, so that the scheduler sees backups start and end through the real broker.
 */
final class EchoAgent implements AutoCloseable {

    private static final EventCodec CODEC = new EventCodec();

    private final String bootstrap;
    private final Thread thread;
    private final AtomicInteger answered = new AtomicInteger();
    private volatile boolean running = true;

    EchoAgent(String bootstrap) {
        this.bootstrap = bootstrap;
        this.thread = new Thread(this::run, "echo-agent");
        thread.setDaemon(true);
        thread.start();
    }

    int answered() {
        return answered.get();
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "echo-agent",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer());
                KafkaProducer<String, byte[]> producer = SchedulerKafka.producer(bootstrap)) {
            consumer.subscribe(List.of(Topics.COMMANDS_POSTGRES.name()));
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    if (CODEC.decode(record).payload() instanceof RunBackup run) {
                        Instant now = Instant.now();
                        String backupId = "b-" + run.commandId();
                        producer.send(CODEC.encode(Envelope.of(Envelope.sourceOf("echo-agent"), new BackupStarted(
                                backupId, run.targetId(), run.engine(), run.backupType(), run.commandId(), null,
                                now))));
                        producer.send(CODEC.encode(Envelope.of(Envelope.sourceOf("echo-agent"), new BackupCompleted(
                                backupId, run.targetId(), run.engine(), run.backupType(), run.commandId(), null, now,
                                now, now, null, null, 1, 1, "0".repeat(64),
                                new StorageLocation("lifeboat", run.targetId() + "/" + backupId + "/"), "STANDARD",
                                null))));
                        answered.incrementAndGet();
                    }
                }
                producer.flush();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}
