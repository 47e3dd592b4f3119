package io.lifeboat.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.lifeboat.testkit.kafka.KafkaBroker;
import io.lifeboat.testkit.mongo.MongoServer;
import io.lifeboat.testkit.postgres.PostgresServer;
import io.lifeboat.testkit.redis.RedisServer;
import io.lifeboat.testkit.s3.S3Server;

/**
 * Measures how long each test-kit server takes to start and become usable, and to stop, over several rounds; the
 * figures budget the test suite's time. Prints one line per round and ends with a {@code RESULT} line: the first
 * (cold JVM) start of each server, then medians over all rounds.
 */
public final class FixtureStartupBench {

    private FixtureStartupBench() {
    }

    /** Runs {@code args[0]} rounds (default 5). */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Map<String, Callable<AutoCloseable>> fixtures = new LinkedHashMap<>();
        fixtures.put("kafka", KafkaBroker::start);
        fixtures.put("postgres", PostgresServer::start);
        fixtures.put("redis", RedisServer::start);
        fixtures.put("s3", S3Server::start);
        fixtures.put("mongo", MongoServer::start);
        Map<String, List<Long>> startMs = new LinkedHashMap<>();
        Map<String, List<Long>> stopMs = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (Map.Entry<String, Callable<AutoCloseable>> fixture : fixtures.entrySet()) {
                long t0 = System.nanoTime();
                AutoCloseable server = fixture.getValue().call();
                long t1 = System.nanoTime();
                server.close();
                long t2 = System.nanoTime();
                long start = (t1 - t0) / 1_000_000;
                long stop = (t2 - t1) / 1_000_000;
                startMs.computeIfAbsent(fixture.getKey(), k -> new ArrayList<>()).add(start);
                stopMs.computeIfAbsent(fixture.getKey(), k -> new ArrayList<>()).add(stop);
                line.append(String.format(" %s start=%dms stop=%dms", fixture.getKey(), start, stop));
            }
            System.out.println(line);
        }
        StringBuilder result = new StringBuilder("RESULT testkit-startup rounds=" + rounds);
        startMs.forEach((name, values) -> result.append(' ').append(name).append("_cold_start_ms=")
                .append(values.get(0)));
        startMs.forEach((name, values) -> result.append(' ').append(name).append("_start_ms=").append(median(values)));
        stopMs.forEach((name, values) -> result.append(' ').append(name).append("_stop_ms=").append(median(values)));
        System.out.println(result);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
