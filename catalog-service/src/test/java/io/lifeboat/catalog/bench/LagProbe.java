package io.lifeboat.catalog.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.lifeboat.events.Topics;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.events.rpo.RpoLagMeasured;

/**
 * Reads {@code lifeboat.rpo} as a dashboard would (read committed) and matches each {@link RpoLagMeasured} to the
 * completion that moved the target's restorable point there, by target id and restorable point. Only records of
 * targets with a pending completion are decoded, so that the probe costs little while the catalog is saturated.
 */
final class LagProbe implements AutoCloseable {

    private record Sent(long nanos, String phase) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final EventCodec codec = new EventCodec();
    private final Map<String, Map<Long, Sent>> pending = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    LagProbe(String bootstrap, int partitions) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> all = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            all.add(new TopicPartition(Topics.RPO.name(), p));
        }
        consumer.assign(all);
        thread = new Thread(this::poll, "lag-probe");
        thread.setDaemon(true);
        thread.start();
    }

    /** Registers a completion about to be sent; {@code phase} names the figure it counts towards. */
    void expect(String targetId, Instant consistentAt, String phase) {
        pending.computeIfAbsent(targetId, t -> new ConcurrentHashMap<>()).put(consistentAt.toEpochMilli(),
                new Sent(System.nanoTime(), phase));
    }

    /** Number of registered completions of {@code phase} whose lag was not published yet. */
    long outstanding(String phase) {
        return pending.values().stream().flatMap(m -> m.values().stream()).filter(s -> s.phase().equals(phase))
                .count();
    }

    /** Milliseconds from each matched completion's send to the read of its lag, sorted. */
    List<Long> latencies(String phase) {
        return latencies.getOrDefault(phase, List.of()).stream().sorted().collect(Collectors.toList());
    }

    /** Waits until every completion of {@code phase} was matched, or {@code patience} has passed. */
    void await(String phase, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (outstanding(phase) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    match(record);
                }
            }
        } catch (WakeupException e) {
            // closing
        }
    }

    private void match(ConsumerRecord<String, byte[]> record) {
        Map<Long, Sent> waiting = record.key() == null ? null : pending.get(record.key());
        if (waiting == null || waiting.isEmpty() || record.value() == null) {
            return;
        }
        long now = System.nanoTime();
        if (codec.decode(record).payload() instanceof RpoLagMeasured lag && lag.restorablePoint() != null) {
            Sent sent = waiting.remove(lag.restorablePoint().toEpochMilli());
            if (sent != null) {
                latencies.computeIfAbsent(sent.phase(), p -> java.util.Collections.synchronizedList(
                        new ArrayList<>())).add((now - sent.nanos()) / 1_000_000);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
        consumer.close();
    }
}
