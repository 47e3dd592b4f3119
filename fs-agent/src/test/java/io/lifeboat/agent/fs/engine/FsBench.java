package io.lifeboat.agent.fs.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.lifeboat.agent.fs.repo.Repository;
import io.lifeboat.agentkit.testing.Benches;

/**
 * The fs benchmark: a generated, seeded directory tree backed up by Lifeboat's snapshotter (at the fs-agent's
 * defaults, into the local store) and by restic, in one run: initial, unchanged and 1%-changed backups and a full
 * restore of each; checks both restores against the source and prints a {@code RESULT fs} line.
 */
public final class FsBench {

    private static final long MB = 1_000_000L;
    static final int KIB = 1024;
    static final String TARGET = "bench";
    private static final String PASSWORD = "lifeboat-bench";

    private final Path work;
    private final Path source;
    private final Map<String, String> resticEnv;
    private final List<String> rows = new ArrayList<>();

    private FsBench(Path work) {
        this.work = work;
        this.source = work.resolve("src");
        this.resticEnv = Map.of("RESTIC_PASSWORD", PASSWORD, "RESTIC_CACHE_DIR", work.resolve("restic-cache")
                .toString());
    }

    /** Args: [megabytes of source tree, default 2000] [warm|cold, default warm: the JIT warmed up first]. */
    public static void main(String[] args) throws Exception {
        long megabytes = args.length > 0 ? Long.parseLong(args[0]) : 2000;
        boolean warm = args.length < 2 || !args[1].equals("cold");
        Path work = Files.createTempDirectory(Path.of("/tmp"), "lifeboat-fs-bench-");
        try {
            new FsBench(work).run(megabytes, warm);
        } finally {
            deleteTree(work);
        }
    }

    private void run(long megabytes, boolean warm) throws Exception {
        System.out.printf("%d cores, %s; restic: %s%n", Runtime.getRuntime().availableProcessors(), Benches.load(),
                output(List.of("restic", "version")).trim());
        long begin = System.nanoTime();
        BenchTree.Generated tree = BenchTree.generate(source, megabytes * MB, 20261122L);
        System.out.printf("generated %s in %.1f s: %d files (%d small, %d large, %d copies), %.0f MB, %.0f MB of "
                + "them copies (%s)%n", source, Benches.since(begin), tree.files, tree.small, tree.large, tree.copies,
                tree.bytes / 1e6, tree.copyBytes / 1e6, Benches.load());

        BenchLifeboat lifeboat = new BenchLifeboat(work.resolve("lifeboat"), source);
        if (warm) {
            warmUp();
        } else {
            System.out.println("no warm-up: the JVM's first backup and restore (cold JIT)");
        }
        Path resticRepo = work.resolve("restic");
        run(List.of("restic", "-r", resticRepo.toString(), "init", "-q"));
        System.out.printf("restic repository version %s%n", output(List.of("restic", "-r", resticRepo.toString(),
                "cat", "config")).replaceAll("(?s).*\"version\":\\s*(\\d+).*", "$1"));

        List<String> resticBackup = List.of("restic", "-r", resticRepo.toString(), "backup", "-q", source
                .toString());
        double[] initial = phase("initial backup", true, lifeboat::initial, resticBackup);
        long lifeboatStored = du(lifeboat.store);
        long resticStored = du(resticRepo);
        double[] noChange = phase("no-change backup", false, lifeboat::next, resticBackup);
        begin = System.nanoTime();
        int changed = BenchTree.change(source, tree, megabytes);
        System.out.printf("changed %d files in %.1f s (%s)%n", changed, Benches.since(begin), Benches.load());
        double[] incremental = phase("1%-changed backup", true, lifeboat::next, resticBackup);
        Path lifeboatRestore = work.resolve("restore-lifeboat");
        Path resticRestore = work.resolve("restore-restic");
        double[] restore = phase("full restore", false, () -> lifeboat.restore(lifeboatRestore), List.of("restic",
                "-r", resticRepo.toString(), "restore", "latest", "-q", "--target", resticRestore.toString()));

        begin = System.nanoTime();
        String lifeboatCheck = BenchTree.compare(source, lifeboatRestore);
        String resticCheck = BenchTree.compare(source, resticRestore.resolve(source.toString().substring(1)));
        System.out.printf("restores compared with the source in %.1f s:%n  lifeboat: %s%n  restic:   %s%n",
                Benches.since(begin), lifeboatCheck, resticCheck);
        if (!lifeboatCheck.startsWith("identical") || !resticCheck.startsWith("identical")) {
            throw new IllegalStateException("a restore differs from the source");
        }
        lifeboat.profile(work.resolve("restore-sequential"));
        lifeboat.close();

        long logical = tree.bytesNow(source);
        double dedupLifeboat = (double) tree.bytes / lifeboatStored;
        double dedupRestic = (double) tree.bytes / resticStored;
        System.out.println();
        System.out.printf("| phase | lifeboat | restic | ratio (restic / lifeboat) |%n|---|---|---|---|%n");
        rows.forEach(System.out::println);
        System.out.printf("| stored after the initial backup (du -sb) | %.1f MB | %.1f MB | |%n", lifeboatStored / 1e6,
                resticStored / 1e6);
        System.out.printf("| dedup (%.0f MB of files / stored) | %.2f | %.2f | |%n", tree.bytes / 1e6,
                dedupLifeboat, dedupRestic);
        System.out.printf("(source after the change: %.0f MB; %s)%n", logical / 1e6, Benches.load());
        System.out.printf("RESULT fs ratio_initial=%.2f ratio_nochange=%.2f ratio_incremental=%.2f ratio_restore=%.2f "
                + "dedup_lifeboat=%.2f dedup_restic=%.2f%n", initial[1] / initial[0], noChange[1] / noChange[0],
                incremental[1] / incremental[0], restore[1] / restore[0], dedupLifeboat, dedupRestic);
    }

    /**
     * Times one phase of both tools (page cache flushed to disk before each, not timed); {@code lifeboatFirst} says
     * which runs first, alternated between phases. Also takes the CPU time of each (Lifeboat: this process, JIT and
     * GC included; restic: the child process). Returns {lifeboat seconds, restic seconds}.
     */
    private double[] phase(String name, boolean lifeboatFirst, Benches.Action lifeboat, List<String> restic)
            throws Exception {
        double[] seconds = new double[2];
        double[] cpu = new double[2];
        for (int i = 0; i < 2; i++) {
            boolean isLifeboat = (i == 0) == lifeboatFirst;
            int k = isLifeboat ? 0 : 1;
            run(List.of("sync"));
            String before = Benches.load();
            long start = System.nanoTime();
            if (isLifeboat) {
                long cpuStart = processCpuNanos();
                lifeboat.run();
                seconds[k] = Benches.since(start);
                cpu[k] = (processCpuNanos() - cpuStart) / 1e9;
            } else {
                cpu[k] = runTimed(restic);
                seconds[k] = Benches.since(start);
            }
            System.out.printf("%-18s %-8s %7.2f s, %6.2f s of CPU  (%s before, %s after)%n", name, isLifeboat
                    ? "lifeboat"
                    : "restic", seconds[k], cpu[k], before, Benches.load());
        }
        rows.add(String.format("| %s | %.2f s (%.1f s CPU) | %.2f s (%.1f s CPU) | %.2f |", name, seconds[0], cpu[0],
                seconds[1], cpu[1], seconds[1] / seconds[0]));
        return seconds;
    }

    /**
     * Runs what the measured phases run, on a small tree of its own and in a repository of its own, so that the JIT
     * has compiled the backup and restore paths as in an agent that has run before: snapshots, a restore, and many
     * small chunks added and read back (AES-GCM, HMAC and zstd reach their compiled forms only after enough calls).
     */
    private void warmUp() throws Exception {
        long begin = System.nanoTime();
        Path root = work.resolve("warmup");
        Path tree = root.resolve("src");
        BenchTree.generate(tree, 100 * MB, 7L);
        BenchLifeboat warm = new BenchLifeboat(root.resolve("lifeboat"), tree);
        warm.quiet = true;
        warm.initial();
        warm.next();
        warm.restore(root.resolve("restored"));
        try (Repository repository = warm.repositories.open(TARGET)) {
            SplittableRandom random = new SplittableRandom(3);
            List<io.lifeboat.agent.fs.repo.ChunkId> ids = new ArrayList<>();
            byte[] chunk = new byte[8 * KIB];
            for (int i = 0; i < 40_000; i++) {
                random.nextBytes(chunk);
                if (i % 2 == 0) {
                    java.util.Arrays.fill(chunk, 0, 6 * KIB, (byte) 'a');
                }
                var id = repository.id(chunk, 0, chunk.length);
                repository.add(id, chunk, 0, chunk.length);
                ids.add(id);
            }
            repository.flush();
            for (var id : ids) {
                repository.read(id);
            }
        }
        warm.close();
        deleteTree(root);
        System.out.printf("warm-up (not counted): %.1f s (%s)%n", Benches.since(begin), Benches.load());
    }

    /** {@code du -sb}: apparent bytes of every file under {@code dir}, the same measure for both repositories. */
    private long du(Path dir) throws Exception {
        return Long.parseLong(output(List.of("du", "-sb", dir.toString())).split("\\s+")[0]);
    }

    private void run(List<String> command) throws Exception {
        output(command, resticEnv);
    }

    static void sync() throws Exception {
        output(List.of("sync"), Map.of());
    }

    private String output(List<String> command) throws Exception {
        return output(command, resticEnv);
    }

    private static String output(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    /** Runs {@code command} and returns its CPU time (user + system) in seconds, as bash's {@code times} reports it. */
    private double runTimed(List<String> command) throws Exception {
        List<String> wrapped = new ArrayList<>(List.of("bash", "-c", "\"$@\" > \"$LOG\" 2>&1; rc=$?; times; exit $rc",
                "bash"));
        wrapped.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(wrapped).redirectErrorStream(true);
        builder.environment().putAll(resticEnv);
        builder.environment().put("LOG", work.resolve("command.log").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + Files.readString(work.resolve(
                    "command.log")));
        }
        // Second line: the children's user and system time, e.g. "0m12.345s 0m1.234s".
        String[] children = output.strip().split("\n")[1].trim().split("\\s+");
        return seconds(children[0]) + seconds(children[1]);
    }

    private static double seconds(String bashTime) {
        String[] parts = bashTime.replace("s", "").split("m");
        return Integer.parseInt(parts[0]) * 60 + Double.parseDouble(parts[1]);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void deleteTree(Path root) throws Exception {
        output(List.of("rm", "-rf", root.toString()), Map.of());
    }

}
