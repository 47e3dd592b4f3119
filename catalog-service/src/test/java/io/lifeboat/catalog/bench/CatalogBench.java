package io.lifeboat.catalog.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;

import io.lifeboat.catalog.streams.CatalogTopology;
import io.lifeboat.catalog.streams.TopologySettings;
import io.lifeboat.catalog.testing.Facts;
import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.testkit.kafka.KafkaBroker;

/**
 * The catalog benchmark: the catalog's Kafka Streams topology with exactly-once v2 on an in-JVM broker. Phase 1
 * produces a backlog of mixed facts as fast as possible and measures folded facts per second until the application's
 * committed offsets reach the end of its input; phase 2 sends completions at a steady rate to the idle application
 * and measures the time until {@code lifeboat.rpo} shows each one's restorable point. Prints a {@code RESULT catalog}
 * line.
 */
public final class CatalogBench {

    private static final String SATURATED = "saturated";
    private static final String IDLE = "idle";
    private static final int GOAL_FACTS_PER_S = 50_000;
    private static final int GOAL_P99_MS = 1_000;

    private CatalogBench() {
    }

    /**
     * Args: [facts=1000000] [targets=10000] [partitions=3] [threads=1] [rocksdb|memory] [commit ms=100]
     * [completions=2000] [completions per s=200].
     */
    public static void main(String[] args) throws Exception {
        int facts = intArg(args, 0, 1_000_000);
        int targets = intArg(args, 1, 10_000);
        int partitions = intArg(args, 2, 3);
        int threads = intArg(args, 3, 1);
        boolean rocksdb = args.length <= 4 || !args[4].equals("memory");
        int commitMs = intArg(args, 5, 100);
        int completions = intArg(args, 6, 2_000);
        int rate = intArg(args, 7, 200);
        String load = load();
        System.out.printf("%d cores, %s; %d facts over %d targets, %d partitions, %d stream thread(s), %s stores, "
                + "commit.interval.ms=%d, exactly_once_v2%n", Runtime.getRuntime().availableProcessors(), load, facts,
                targets, partitions, threads, rocksdb ? "rocksdb" : "memory", commitMs);
        Path stateDir = Files.createTempDirectory(Path.of("/tmp"), "lifeboat-catalog-bench-");
        try (KafkaBroker broker = KafkaBroker.start(); Admin admin = broker.newAdmin()) {
            BenchKafka.createTopics(admin, partitions);
            long begin = System.nanoTime();
            BenchFacts generated = BenchFacts.generate(facts, targets, Instant.now(), 100, 20261122L);
            System.out.printf("generated and encoded %d CloudEvents in %.1f s, before timing (%s)%nmix: %s%n",
                    generated.records.size(), since(begin), load(), generated.describeMix());
            // Service defaults: tick 5 s, unchanged lag re-published every 60 s, retention pass every hour.
            TopologySettings settings = new TopologySettings(Duration.ofSeconds(5), Duration.ofSeconds(60), 0.8, true,
                    Duration.ofHours(1), Duration.ofDays(400), rocksdb, Duration.ofMinutes(1));
            String bootstrap = broker.bootstrapServers();
            try (KafkaStreams streams = new KafkaStreams(CatalogTopology.build(settings), BenchKafka.streams(
                    bootstrap, stateDir, threads, commitMs));
                    LagProbe probe = new LagProbe(bootstrap, partitions);
                    KafkaProducer<String, byte[]> producer = BenchKafka.producer(bootstrap)) {
                streams.start();
                awaitRunning(streams);
                long factsPerS = throughput(admin, producer, probe, generated, partitions);
                latency(producer, probe, targets, completions, rate);
                report(probe, factsPerS, facts, targets, partitions, threads, rocksdb, load);
            }
        } finally {
            deleteTree(stateDir);
        }
    }

    private static long throughput(Admin admin, KafkaProducer<String, byte[]> producer, LagProbe probe,
            BenchFacts generated, int partitions) throws Exception {
        List<ProducerRecord<String, byte[]>> records = generated.records;
        long[] cpuStart = {processCpuNanos(), streamThreadsCpuNanos()};
        long start = System.nanoTime();
        for (int i = 0; i < records.size(); i++) {
            BackupCompleted sampled = generated.sampledCompletions.get(i);
            if (sampled != null) {
                probe.expect(sampled.targetId(), sampled.consistentAt(), SATURATED);
            }
            producer.send(records.get(i));
        }
        producer.flush();
        double produced = since(start);
        var ends = BenchKafka.inputEnds(admin, partitions);
        long done = BenchKafka.awaitCommitted(admin, ends, Duration.ofMinutes(30));
        double seconds = (done - start) / 1e9;
        long factsPerS = Math.round(records.size() / seconds);
        double processCpu = (processCpuNanos() - cpuStart[0]) / 1e9;
        double streamsCpu = (streamThreadsCpuNanos() - cpuStart[1]) / 1e9;
        System.out.printf("phase 1: produced %d facts in %.1f s (%.0f/s), committed by the catalog after %.1f s: "
                + "%d facts/s (%s)%n", records.size(), produced, records.size() / produced, seconds, factsPerS, load());
        System.out.printf("phase 1: CPU %.1f s in this JVM (broker, producer, probe included), %.1f s in the stream "
                + "threads: %.0f us of stream-thread CPU per fact, i.e. %.0f facts/s per busy core%n", processCpu,
                streamsCpu, streamsCpu * 1e6 / records.size(), records.size() / streamsCpu);
        probe.await(SATURATED, Duration.ofSeconds(10));
        List<Long> sampled = probe.latencies(SATURATED);
        System.out.printf("phase 1: %d of %d sampled completions matched on lifeboat.rpo: lag update p50 %d ms, "
                + "p99 %d ms, max %d ms (the backlog's queueing)%n", sampled.size(),
                generated.sampledCompletions
                        .size(),
                pct(sampled, 50), pct(sampled, 99), pct(sampled, 100));
        return factsPerS;
    }

    private static void latency(KafkaProducer<String, byte[]> producer, LagProbe probe, int targets, int count,
            int rate) throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String target = String.format("bench-%05d", random.nextInt(targets));
            Instant consistentAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusMillis(1);
            probe.expect(target, consistentAt, IDLE);
            producer.send(BenchFacts.encode(Facts.completed(target, target + "-live" + i, consistentAt)));
        }
        producer.flush();
        probe.await(IDLE, Duration.ofSeconds(30));
    }

    private static void report(LagProbe probe, long factsPerS, int facts, int targets, int partitions, int threads,
            boolean rocksdb, String load) {
        List<Long> idle = probe.latencies(IDLE);
        List<Long> saturated = probe.latencies(SATURATED);
        long p99 = pct(idle, 99);
        System.out.printf("phase 2: %d completions matched, %d missing: lag update p50 %d ms, p99 %d ms, max %d ms "
                + "(%s)%n", idle.size(), probe.outstanding(IDLE), pct(idle, 50), p99, pct(idle, 100), load());
        System.out.printf("goals: >= %d facts/s on 2 cores: %s (%d); p99 <= %d ms: %s (%d ms)%n", GOAL_FACTS_PER_S,
                factsPerS >= GOAL_FACTS_PER_S ? "met" : "NOT met", factsPerS, GOAL_P99_MS,
                p99 <= GOAL_P99_MS && probe.outstanding(IDLE) == 0 ? "met" : "NOT met", p99);
        System.out.printf(
                "RESULT catalog facts_per_s=%d lag_update_p50_ms=%d lag_update_p99_ms=%d lag_update_max_ms=%d "
                        + "saturated_lag_update_p99_ms=%d facts=%d targets=%d partitions=%d threads=%d stores=%s load=%s%n",
                factsPerS, pct(idle, 50), p99, pct(idle, 100), pct(saturated, 99), facts, targets, partitions,
                threads, rocksdb ? "rocksdb" : "memory", load.replace("load ", ""));
    }

    private static void awaitRunning(KafkaStreams streams) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing()
                    && streams.state() != KafkaStreams.State.CREATED) {
                throw new IllegalStateException("the catalog's Streams application is " + streams.state()
                        + ", not RUNNING");
            }
            Thread.sleep(50);
        }
    }

    /** The {@code percent}-th percentile of sorted values (nearest rank), -1 when there are none. */
    static long pct(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time of the Streams application's processing threads (not their producers' network threads). */
    private static long streamThreadsCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(BenchKafka.APPLICATION_ID)
                    && info.getThreadName().contains("-StreamThread-")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static int intArg(String[] args, int index, int fallback) {
        return args.length > index && !args[index].isBlank()
                ? Integer.parseInt(args[index].replace("_", ""))
                : fallback;
    }

    private static double since(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** {@code load <1-minute load average>}. */
    private static String load() {
        try {
            return "load " + Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "load ?";
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
