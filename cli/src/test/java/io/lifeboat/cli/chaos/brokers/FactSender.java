package io.lifeboat.cli.chaos.brokers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;

/**
 * Publishes facts as agents and the scheduler do (CloudEvents keyed by target, idempotent producer, {@code acks=all})
 * at a steady rate, and runs the faults due after given fact counts on a thread of their own, so that producing goes
 * on while a broker dies.
 */
final class FactSender implements AutoCloseable {

    private static final EventCodec CODEC = new EventCodec();
    private static final int RESEND_ATTEMPTS = 3;

    private final KafkaProducer<String, byte[]> producer;
    private int resent;
    private final ExecutorService faults = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "chaos-broker-fault");
        thread.setDaemon(true);
        return thread;
    });

    FactSender(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, "chaos-broker-facts"), new StringSerializer(),
                new ByteArraySerializer());
    }

    /**
     * Sends {@code facts} in order, {@code perSecond} a second, starting each fault once its count of facts is sent.
     *
     * @return where the broker stored each fact, in send order
     * @throws IllegalStateException when a fact cannot be stored after retries, or a fault fails
     */
    List<SentFact> send(List<LifeboatMessage> facts, int perSecond, Map<Integer, Runnable> faultsAt)
            throws InterruptedException {
        AtomicReferenceArray<RecordMetadata> stored = new AtomicReferenceArray<>(facts.size());
        List<ProducerRecord<String, byte[]>> records = facts.stream()
                .map(f -> CODEC.encode(Envelope.of(Envelope.sourceOf("chaos"), f))).toList();
        List<Future<?>> started = new ArrayList<>();
        Map<Integer, Runnable> due = new TreeMap<>(faultsAt);
        long begin = System.nanoTime();
        for (int i = 0; i < records.size(); i++) {
            Runnable fault = due.remove(i);
            if (fault != null) {
                started.add(faults.submit(fault));
            }
            long at = begin + TimeUnit.SECONDS.toNanos(i) / perSecond;
            LockSupport.parkNanos(at - System.nanoTime());
            int index = i;
            producer.send(records.get(i), (metadata, error) -> {
                if (error == null) {
                    stored.set(index, metadata);
                }
            });
        }
        producer.flush();
        for (int i = 0; i < records.size(); i++) {
            if (stored.get(i) == null) {
                resent++;
                stored.set(i, resend(records.get(i)));
            }
        }
        for (Future<?> fault : started) {
            try {
                fault.get(5, TimeUnit.MINUTES);
            } catch (Exception e) {
                throw new IllegalStateException("a broker fault of the scenario failed: " + e, e);
            }
        }
        List<SentFact> sent = new ArrayList<>(facts.size());
        for (int i = 0; i < facts.size(); i++) {
            RecordMetadata m = stored.get(i);
            String backupId = facts.get(i) instanceof BackupCompleted c ? c.backupId() : null;
            sent.add(new SentFact(records.get(i).key(), backupId, new TopicPartition(m.topic(), m.partition()),
                    m.offset()));
        }
        return sent;
    }

    /** How many facts the producer gave up on and that were sent again one by one. */
    int resent() {
        return resent;
    }

    private RecordMetadata resend(ProducerRecord<String, byte[]> record) throws InterruptedException {
        Exception last = null;
        for (int attempt = 0; attempt < RESEND_ATTEMPTS; attempt++) {
            try {
                return producer.send(record).get(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                last = e;
                Thread.sleep(Duration.ofSeconds(1).toMillis());
            }
        }
        throw new IllegalStateException("the broker did not store a fact for " + record.key() + " on "
                + record.topic() + " after " + RESEND_ATTEMPTS + " attempts: " + last, last);
    }

    @Override
    public void close() {
        faults.shutdownNow();
        producer.close(Duration.ofSeconds(10));
    }
}
