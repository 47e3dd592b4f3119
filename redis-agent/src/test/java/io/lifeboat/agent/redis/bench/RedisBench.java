package io.lifeboat.agent.redis.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.lifeboat.agent.redis.engine.RedisSnapshotter;
import io.lifeboat.agent.redis.engine.RedisTarget;
import io.lifeboat.agent.redis.replication.ReplicationRdbReader;
import io.lifeboat.agentkit.crypto.LocalKeyFileMasterKey;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.ArtifactSink;
import io.lifeboat.agentkit.pipeline.ArtifactSpec;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.agentkit.pipeline.PipelineSettings;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.LocalObjectStore;
import io.lifeboat.agentkit.storage.StorageClass;
import io.lifeboat.agentkit.storage.WriteOptions;
import io.lifeboat.agentkit.testing.Benches;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.testkit.redis.RedisOptions;
import io.lifeboat.testkit.redis.RedisServer;

/**
 * The redis benchmark: one redis-server filled with string keys of about 300 bytes (JSON-like records: compressible
 * as real application data is), then in the same run Lifeboat's snapshot into the local store at the agent's
 * defaults and {@code redis-cli --rdb /dev/null}. Prints a {@code RESULT redis} line.
 */
public final class RedisBench {

    private static final String[] WORDS = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima "
            + "mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu order "
            + "invoice customer shipment pending paid refunded warehouse berlin paris lisbon oslo madrid").split(" ");

    private RedisBench() {
    }

    /** Args: [keys, default 1000000] [rounds, default 5]. */
    public static void main(String[] args) throws Exception {
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path work = Files.createTempDirectory("lifeboat-redis-bench-");
        // Diskless sync without delay, as both tools see it: the RDB streams from the fork to the socket.
        try (RedisServer server = RedisServer.start(RedisOptions.defaults().withConfig("repl-diskless-sync yes",
                "repl-diskless-sync-delay 0"))) {
            long start = System.nanoTime();
            long bytes = fill(server.port(), keys);
            System.out.printf("filled %d keys (%.0f MiB of values) in %.1f s; %d cores (%s)%n", keys,
                    bytes / 1048576.0, Benches.since(start), Runtime.getRuntime().availableProcessors(),
                    Benches.load());
            PipelineSettings defaults = Benches.agentDefaults(RedisBench.class, work).pipeline().settings();
            System.out.printf("the agent's pipeline: zstd level %d, %d worker(s)%n", defaults.zstdLevel(),
                    defaults.zstdWorkers());
            ArtifactPipeline pipeline = new ArtifactPipeline(new LocalObjectStore(work.resolve("store")),
                    new ArtifactLayout(), LocalKeyFileMasterKey.openOrCreate(work.resolve("master.key")), defaults);
            RedisTarget target = RedisTarget.of("bench", server.host(), server.port(), null);
            List<String> cli = List.of("redis-cli", "-h", server.host(), "-p", String.valueOf(server.port()),
                    "--rdb", "/dev/null");

            // Warm-up, not counted: the JIT compiles the pipeline's paths, as in an agent that has run before, and the
            // freshly filled server settles (its first forks after the fill are slower for both tools).
            for (int i = 1; i <= 2; i++) {
                System.out.printf("warm-up %d: redis-cli --rdb /dev/null %.2f s, lifeboat -> local store %.2f s%n", i,
                        Benches.time(() -> run(cli)), Benches.time(() -> snapshot(pipeline, target)));
            }

            double lifeboat = Double.MAX_VALUE;
            double redisCli = Double.MAX_VALUE;
            List<Double> ratios = new java.util.ArrayList<>();
            Manifest last = null;
            for (int round = 1; round <= rounds; round++) {
                double[] pair = new double[2];
                for (String tool : round % 2 == 1
                        ? List.of("lifeboat", "redis-cli")
                        : List.of("redis-cli",
                                "lifeboat")) {
                    long begin = System.nanoTime();
                    if (tool.equals("lifeboat")) {
                        last = snapshot(pipeline, target);
                        pair[0] = Benches.since(begin);
                        System.out.printf("round %d lifeboat -> local store: %6.2f s  RDB %.0f MiB, stored %.0f MiB "
                                + "(%s)%n", round, pair[0], last.sizes().raw() / 1048576.0,
                                last.sizes().stored()
                                        / 1048576.0,
                                Benches.load());
                    } else {
                        run(cli);
                        pair[1] = Benches.since(begin);
                        System.out.printf("round %d redis-cli --rdb /dev/null: %6.2f s (%s)%n", round, pair[1],
                                Benches.load());
                    }
                }
                lifeboat = Math.min(lifeboat, pair[0]);
                redisCli = Math.min(redisCli, pair[1]);
                ratios.add(pair[1] / pair[0]);
            }
            ratios.sort(null);
            double medianRatio = ratios.get(ratios.size() / 2);
            // Where the time goes (not in the RESULT): the fetch alone, the engine (fetch, CRC-64, key walk) with its
            // output thrown away, and the whole snapshot at other zstd levels and worker counts.
            System.out.printf("profile: replication fetch alone -> null stream: %.2f s (%s)%n", Benches.time(
                    () -> new ReplicationRdbReader(target.replicationSource()).fetch(OutputStream.nullOutputStream())),
                    Benches.load());
            System.out.printf("profile: lifeboat engine -> null stream: %.2f s (%s)%n", Benches.time(
                    () -> new RedisSnapshotter(target).snapshot(OutputStream.nullOutputStream())), Benches.load());
            for (int[] zstd : new int[][]{{3, 2}, {3, 1}, {1, 2}, {1, 1}}) {
                ArtifactPipeline variant = new ArtifactPipeline(new LocalObjectStore(work.resolve("store")),
                        new ArtifactLayout(), LocalKeyFileMasterKey.openOrCreate(work.resolve("master.key")),
                        PipelineSettings.defaults().withZstd(zstd[0], zstd[1]));
                long begin = System.nanoTime();
                Manifest manifest = snapshot(variant, target);
                System.out.printf(
                        "profile: lifeboat -> local store at zstd level %d, %d worker(s): %.2f s, stored %.0f "
                                + "MiB (%s)%n",
                        zstd[0], zstd[1], Benches.since(begin), manifest.sizes().stored() / 1048576.0, Benches.load());
            }
            System.out.printf("RESULT redis lifeboat_s=%.2f redis_cli_s=%.2f ratio_vs_redis_cli=%.2f "
                    + "median_round_ratio=%.2f rdb_mib=%.0f stored_mib=%.0f keys=%d%n", lifeboat, redisCli,
                    redisCli / lifeboat, medianRatio, last.sizes().raw() / 1048576.0,
                    last.sizes().stored() / 1048576.0, keys);
        } finally {
            Benches.deleteTree(work);
        }
    }

    /** One snapshot as the agent's runner takes it: engine → sink → manifest. */
    private static Manifest snapshot(ArtifactPipeline pipeline, RedisTarget target) throws Exception {
        String backupId = "bk-bench-" + UUID.randomUUID().toString().substring(0, 8);
        try (ArtifactSink sink = pipeline.create(new ArtifactSpec(target.id(), backupId, Engine.REDIS,
                BackupType.FULL, WriteOptions.of(StorageClass.HOT)))) {
            Map<String, Object> metadata = new RedisSnapshotter(target).snapshot(sink.stream());
            return sink.complete(metadata);
        }
    }

    /** SETs {@code keys} records over one pipelined connection; returns the value bytes written. */
    private static long fill(int port, int keys) throws IOException {
        Random random = new Random(42);
        long total = 0;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 20);
            InputStream in = socket.getInputStream();
            Thread drain = new Thread(() -> {
                try {
                    byte[] buffer = new byte[1 << 16];
                    long lines = 0;
                    while (lines < keys) {
                        int n = in.read(buffer);
                        if (n < 0) {
                            return;
                        }
                        for (int i = 0; i < n; i++) {
                            if (buffer[i] == '\n') {
                                lines++;
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, "bench-fill-replies");
            drain.start();
            for (int i = 0; i < keys; i++) {
                byte[] key = ("user:" + i).getBytes(StandardCharsets.US_ASCII);
                byte[] value = record(i, random).getBytes(StandardCharsets.US_ASCII);
                total += value.length;
                out.write(("*3\r\n$3\r\nSET\r\n$" + key.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(key);
                out.write(("\r\n$" + value.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(value);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            try {
                drain.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return total;
    }

    /** A JSON-like record of about 300 bytes: ids, random numbers and words, as application caches hold. */
    private static String record(int i, Random random) {
        StringBuilder bio = new StringBuilder();
        while (bio.length() < 150) {
            bio.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        return "{\"id\":" + i + ",\"name\":\"user-" + i + "\",\"email\":\"user" + i + "@example.com\",\"balance\":"
                + random.nextInt(1_000_000) / 100.0 + ",\"session\":\"" + Long.toHexString(random.nextLong())
                + Long.toHexString(random.nextLong()) + "\",\"bio\":\"" + bio.toString().trim() + "\"}";
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // redis-cli 7.0 fsyncs its output file at the end, which /dev/null refuses (exit 1): the transfer counts.
        if (process.waitFor() != 0 && !output.contains("Transfer finished with success")) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

}
