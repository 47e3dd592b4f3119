package io.lifeboat.agent.pg.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.agentkit.storage.LocalObjectStore;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.S3ObjectStore;
import io.lifeboat.agentkit.storage.StoreSettings;
import io.lifeboat.testkit.s3.S3ServerProcess;

/**
 * The pg-backup benchmark: one pgbench database, and in the same run a Lifeboat FULL backup at the agent's defaults
 * into the local store and into S3Proxy, a pgBackRest full backup (zst at its default level, two processes, posix
 * repository on the same disk), the compression ceiling {@code pg_basebackup -D - -Ft -Xf | zstd -T0 -3 > file}
 * and, for orientation, {@code pg_basebackup} into /dev/null. Prints a {@code RESULT pg-backup} line.
 */
public final class PgBackupBench {

    private PgBackupBench() {
    }

    /** Args: [pgbench scale, default 130] [rounds, default 2: best of each, in alternating order]. */
    public static void main(String[] args) throws Exception {
        int scale = args.length > 0 ? Integer.parseInt(args[0]) : 130;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path work = BenchWork.create("lifeboat-pg-backup-");
        try (BenchSource source = BenchSource.start()) {
            System.out.printf("pgbench -i -s %d: %.1f s (%s)%n", scale, source.pgbenchInit(scale), Shell.load());
            source.execute("checkpoint");
            PgBackRest backrest = PgBackRest.create(work, source);
            source.execute("alter system set archive_command = '" + backrest.archiveCommand().replace("'", "''")
                    + "'");
            source.execute("select pg_reload_conf()");
            System.out.printf("database: %.0f MiB on disk; %d cores%n", source.databaseBytes() / 1048576.0,
                    Runtime.getRuntime().availableProcessors());
            LifeboatAgent local = new LifeboatAgent(new LocalObjectStore(work.resolve("store")),
                    work.resolve("master-key.json"), source.server);
            Path ceilingFile = work.resolve("ceiling.tar.zst");
            String basebackup = source.server.binDir().resolve("pg_basebackup") + " -h " + source.server.host()
                    + " -p " + source.server.port() + " -U " + source.server.user()
                    + " -D - -Ft -Xf --checkpoint=fast --no-password";

            // Warm-up, not counted: the page cache holds the database, the JIT compiles the pipeline's paths.
            double raw = time(() -> Shell.bash(basebackup + " > /dev/null", source.env()));
            System.out.printf("pg_basebackup > /dev/null (warm-up): %.2f s (%s)%n", raw, Shell.load());
            // A running agent has loaded and compiled its classes long before a backup; a fresh JVM has not.
            double warm = time(local::fullBackup);
            System.out.printf("lifeboat -> local store (warm-up): %.2f s (%s)%n", warm, Shell.load());

            double lifeboat = Double.MAX_VALUE;
            double pgbackrest = Double.MAX_VALUE;
            double ceiling = Double.MAX_VALUE;
            long lifeboatBytes = 0;
            long pgbackrestBytes = 0;
            long ceilingBytes = 0;
            for (int round = 1; round <= rounds; round++) {
                // Alternating order, so that neither tool always runs right after the other's page-cache traffic.
                for (String tool : round % 2 == 1
                        ? List.of("lifeboat", "pgbackrest", "ceiling")
                        : List.of("ceiling", "pgbackrest", "lifeboat")) {
                    long start = System.nanoTime();
                    switch (tool) {
                        case "lifeboat" -> {
                            Manifest manifest = local.fullBackup();
                            double s = Shell.since(start);
                            lifeboat = Math.min(lifeboat, s);
                            lifeboatBytes = manifest.sizes().stored();
                            System.out.printf("round %d lifeboat -> local store: %6.2f s  raw %.0f MiB, stored %.1f MiB"
                                    + " in %d parts (%s)%n", round, s, manifest.sizes().raw() / 1048576.0,
                                    lifeboatBytes / 1048576.0, manifest.parts().size(), Shell.load());
                        }
                        case "pgbackrest" -> {
                            backrest.fullBackup();
                            double s = Shell.since(start);
                            pgbackrest = Math.min(pgbackrest, s);
                            pgbackrestBytes = backrest.lastBackupRepoBytes();
                            System.out.printf("round %d pgbackrest full backup:  %6.2f s  stored %.1f MiB (%s)%n",
                                    round, s, pgbackrestBytes / 1048576.0, Shell.load());
                        }
                        default -> {
                            Shell.bash(basebackup + " | zstd -q -T0 -3 > " + ceilingFile, source.env());
                            double s = Shell.since(start);
                            ceiling = Math.min(ceiling, s);
                            ceilingBytes = Files.size(ceilingFile);
                            System.out.printf("round %d ceiling pg_basebackup | zstd -T0 -3: %6.2f s  stored %.1f MiB"
                                    + " (%s)%n", round, s, ceilingBytes / 1048576.0, Shell.load());
                        }
                    }
                }
            }
            // Where the time goes (not in the RESULT): the engine with its output thrown away (pg_basebackup, the pipe
            // into the JVM, the tar tap), and the whole backup at zstd level 1 instead of the default 3.
            double read = time(local::backupIntoNothing);
            System.out.printf("profile: lifeboat engine -> null stream (read path only): %.2f s (%s)%n", read,
                    Shell.load());
            LifeboatAgent level1 = new LifeboatAgent(new LocalObjectStore(work.resolve("store")),
                    work.resolve("master-key.json"), source.server, Map.of("lifeboat.agent.pipeline.zstd-level", "1"));
            long start1 = System.nanoTime();
            Manifest fast = level1.fullBackup();
            System.out.printf("profile: lifeboat -> local store at zstd level 1: %.2f s, stored %.1f MiB (%.3f of "
                    + "pgBackRest's) (%s)%n", Shell.since(start1), fast.sizes().stored() / 1048576.0,
                    (double) fast.sizes().stored() / pgbackrestBytes, Shell.load());
            double s3 = S3ServerProcess.with("bench", endpoint -> {
                try (ObjectStore store = s3Store(endpoint)) {
                    LifeboatAgent agent = new LifeboatAgent(store, work.resolve("master-key.json"), source.server);
                    double best = Double.MAX_VALUE;
                    // The first run loads the AWS SDK's classes (warm-up); the best of the following rounds counts.
                    for (int round = 0; round <= rounds; round++) {
                        long start = System.nanoTime();
                        Manifest manifest = agent.fullBackup();
                        double s = Shell.since(start);
                        System.out.printf("%s lifeboat -> S3Proxy: %6.2f s  stored %.1f MiB (%s)%n",
                                round == 0 ? "warm-up" : "round " + round, s, manifest.sizes().stored() / 1048576.0,
                                Shell.load());
                        best = round == 0 ? best : Math.min(best, s);
                    }
                    return best;
                }
            });
            System.out.printf("RESULT pg-backup lifeboat_s=%.2f pgbackrest_s=%.2f ceiling_s=%.2f "
                    + "ratio_vs_pgbackrest=%.2f ratio_vs_ceiling=%.2f size_ratio=%.3f lifeboat_s3_s=%.2f%n", lifeboat,
                    pgbackrest, ceiling, pgbackrest / lifeboat, ceiling / lifeboat,
                    (double) lifeboatBytes / pgbackrestBytes, s3);
        } finally {
            Shell.deleteTree(work);
        }
    }

    private static double time(ThrowingRunnable action) throws Exception {
        long start = System.nanoTime();
        action.run();
        return Shell.since(start);
    }

    private static ObjectStore s3Store(String[] endpoint) throws IOException {
        return new S3ObjectStore(StoreSettings.s3("bench").withEndpoint(URI.create(endpoint[1]), true)
                .withCredentials(endpoint[4], endpoint[2], endpoint[3]));
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

}
