package io.lifeboat.agent.fs.engine;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import io.lifeboat.agent.fs.config.FsConfig;
import io.lifeboat.agent.fs.config.FsTarget;
import io.lifeboat.agent.fs.repo.Repository;
import io.lifeboat.agent.fs.repo.RepositoryLock;
import io.lifeboat.agent.fs.restore.FsRestoreEngine;
import io.lifeboat.agent.fs.tree.ChangeCache;
import io.lifeboat.agent.fs.tree.RestoreOptions;
import io.lifeboat.agent.fs.tree.RestoreResult;
import io.lifeboat.agent.fs.tree.SnapshotTreeReader;
import io.lifeboat.agentkit.agent.config.AgentConfig;
import io.lifeboat.agentkit.crypto.LocalKeyFileMasterKey;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.ArtifactSink;
import io.lifeboat.agentkit.pipeline.ArtifactSpec;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.LocalObjectStore;
import io.lifeboat.agentkit.storage.StorageClass;
import io.lifeboat.agentkit.storage.WriteOptions;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The fs benchmark: a generated, seeded directory tree backed up by Lifeboat's snapshotter (at the fs-agent's
 * defaults, into the local store) and by restic, in one run: initial, unchanged and 1%-changed backups and a full
 * restore of each; checks both restores against the source and prints a {@code RESULT fs} line.
 */
public final class FsBench {

    private static final long MB = 1_000_000L;
    private static final int KIB = 1024;
    private static final String TARGET = "bench";
    private static final String PASSWORD = "lifeboat-bench";
    private static final String[] WORDS = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima "
            + "mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu order "
            + "invoice customer shipment pending paid refunded warehouse berlin paris lisbon oslo madrid").split(" ");
    private static final String[] LEVELS = {"INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"};

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
        System.out.printf("%d cores, %s; restic: %s%n", Runtime.getRuntime().availableProcessors(), load(),
                output(List.of("restic", "version")).trim());
        long begin = System.nanoTime();
        Generated tree = generate(source, megabytes * MB, 20261122L);
        System.out.printf("generated %s in %.1f s: %d files (%d small, %d large, %d copies), %.0f MB, %.0f MB of "
                + "them copies (%s)%n", source, since(begin), tree.files, tree.small, tree.large, tree.copies,
                tree.bytes / 1e6, tree.copyBytes / 1e6, load());

        Lifeboat lifeboat = new Lifeboat(work.resolve("lifeboat"), source);
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
        int changed = change(source, tree, megabytes);
        System.out.printf("changed %d files in %.1f s (%s)%n", changed, since(begin), load());
        double[] incremental = phase("1%-changed backup", true, lifeboat::next, resticBackup);
        Path lifeboatRestore = work.resolve("restore-lifeboat");
        Path resticRestore = work.resolve("restore-restic");
        double[] restore = phase("full restore", false, () -> lifeboat.restore(lifeboatRestore), List.of("restic",
                "-r", resticRepo.toString(), "restore", "latest", "-q", "--target", resticRestore.toString()));

        begin = System.nanoTime();
        String lifeboatCheck = compare(source, lifeboatRestore);
        String resticCheck = compare(source, resticRestore.resolve(source.toString().substring(1)));
        System.out.printf("restores compared with the source in %.1f s:%n  lifeboat: %s%n  restic:   %s%n",
                since(begin), lifeboatCheck, resticCheck);
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
        System.out.printf("(source after the change: %.0f MB; %s)%n", logical / 1e6, load());
        System.out.printf("RESULT fs ratio_initial=%.2f ratio_nochange=%.2f ratio_incremental=%.2f ratio_restore=%.2f "
                + "dedup_lifeboat=%.2f dedup_restic=%.2f%n", initial[1] / initial[0], noChange[1] / noChange[0],
                incremental[1] / incremental[0], restore[1] / restore[0], dedupLifeboat, dedupRestic);
    }

    /**
     * Times one phase of both tools (page cache flushed to disk before each, not timed); {@code lifeboatFirst} says
     * which runs first, alternated between phases. Also takes the CPU time of each (Lifeboat: this process, JIT and
     * GC included; restic: the child process). Returns {lifeboat seconds, restic seconds}.
     */
    private double[] phase(String name, boolean lifeboatFirst, Action lifeboat, List<String> restic)
            throws Exception {
        double[] seconds = new double[2];
        double[] cpu = new double[2];
        for (int i = 0; i < 2; i++) {
            boolean isLifeboat = (i == 0) == lifeboatFirst;
            int k = isLifeboat ? 0 : 1;
            run(List.of("sync"));
            String before = load();
            long start = System.nanoTime();
            if (isLifeboat) {
                long cpuStart = processCpuNanos();
                lifeboat.run();
                seconds[k] = since(start);
                cpu[k] = (processCpuNanos() - cpuStart) / 1e9;
            } else {
                cpu[k] = runTimed(restic);
                seconds[k] = since(start);
            }
            System.out.printf("%-18s %-8s %7.2f s, %6.2f s of CPU  (%s before, %s after)%n", name, isLifeboat
                    ? "lifeboat"
                    : "restic", seconds[k], cpu[k], before, load());
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
        generate(tree, 100 * MB, 7L);
        Lifeboat warm = new Lifeboat(root.resolve("lifeboat"), tree);
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
        System.out.printf("warm-up (not counted): %.1f s (%s)%n", since(begin), load());
    }

    /** Lifeboat as the fs-agent runs it: its repositories, pipeline and snapshotter at the agent's defaults. */
    private static final class Lifeboat {

        private final Path store;
        private final FsRepositories repositories = new FsRepositories();
        private final ArtifactPipeline pipeline;
        private final FsTarget target;
        private Manifest last;
        private int backups;
        private boolean quiet;

        Lifeboat(Path root, Path source) throws IOException {
            this.store = root.resolve("store");
            SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(AgentConfig.class).withMapping(
                    FsConfig.class).withConverter(Duration.class, 200, new DurationConverter()).withSources(
                            new PropertiesConfigSource(Map.of("lifeboat.agent.store.local-root", store.toString(),
                                    "lifeboat.agent.key.file", root.resolve("master.key").toString()), "bench", 500))
                    .withSources(new PropertiesConfigSource(FsBench.class.getResource("/application.properties"),
                            250))
                    .build();
            AgentConfig agent = config.getConfigMapping(AgentConfig.class);
            repositories.store = new LocalObjectStore(store);
            repositories.layout = new ArtifactLayout();
            repositories.masterKey = LocalKeyFileMasterKey.openOrCreate(root.resolve("master.key"));
            repositories.agent = agent;
            repositories.config = config.getConfigMapping(FsConfig.class);
            this.pipeline = new ArtifactPipeline(repositories.store, repositories.layout, repositories.masterKey,
                    agent.pipeline().settings());
            this.target = new FsTarget(TARGET, source, List.of(), List.of(), false, Runtime.getRuntime()
                    .availableProcessors());
            FsConfig.Chunk chunk = repositories.config.chunk();
            FsConfig.Repository repo = repositories.config.repository();
            if (root.getFileName().toString().equals("lifeboat") && root.getParent().getFileName().toString()
                    .startsWith("lifeboat-fs-bench-")) {
                System.out.printf("lifeboat at the agent's defaults: chunks %d/%d/%d KiB, packs %d MiB, zstd level %d, "
                        + "%d readers; tree artifact: zstd level %d%n", chunk.minSize() / KIB, chunk.avgSize() / KIB,
                        chunk.maxSize() / KIB, repo.packSize() / (KIB * KIB), repo.zstdLevel(), target.readers(), agent
                                .pipeline().settings().zstdLevel());
            }
        }

        void initial() throws Exception {
            snapshot(BackupType.FULL, ChangeCache.empty());
        }

        /** A snapshot after the last one, with the change cache built from its tree as the engine builds it. */
        void next() throws Exception {
            ChangeCache cache;
            try (InputStream in = pipeline.openForRestore(last.targetId(), last.backupId())) {
                cache = ChangeCache.from(new SnapshotTreeReader(in));
            }
            snapshot(BackupType.INCREMENTAL, cache);
        }

        private void snapshot(BackupType type, ChangeCache cache) throws Exception {
            String backupId = "bk-bench-" + (++backups);
            SnapshotSummary summary;
            try (ArtifactSink sink = pipeline.create(new ArtifactSpec(TARGET, backupId, Engine.FILESYSTEM, type,
                    WriteOptions.of(StorageClass.HOT)))) {
                try (RepositoryLock lock = repositories.lockShared(TARGET, backupId);
                        Repository repository = repositories.open(TARGET)) {
                    summary = new FsSnapshotter(target, repository, repositories::chunker, cache).snapshot(sink
                            .stream());
                }
                last = sink.complete(summary.metadata());
            }
            if (!quiet) {
                System.out.printf("  lifeboat %s: %s%n", backupId, summary.describe());
            }
        }

        void restore(Path into) throws Exception {
            RestoreResult result;
            try (Repository repository = repositories.open(TARGET)) {
                result = FsRestoreEngine.restoreTree(repository, () -> pipeline.openForRestore(last.targetId(), last
                        .backupId()), new RestoreOptions(into, "", false, false));
            }
            if (!quiet) {
                System.out.printf("  lifeboat restored %d files, %d bytes, %d dirs%n", result.files(), result
                        .bytes(), result.dirs());
            }
        }

        /**
         * Where the time goes, not in the RESULT: the restore with one chunk read at a time on the restoring thread
         * (the content source before the read-ahead), and the pieces of an unchanged backup.
         */
        void profile(Path into) throws Exception {
            sync();
            long begin = System.nanoTime();
            try (Repository repository = repositories.open(TARGET);
                    InputStream in = pipeline.openForRestore(last.targetId(), last.backupId())) {
                new io.lifeboat.agent.fs.tree.TreeRestorer((chunks, out) -> {
                    for (String chunk : chunks) {
                        out.write(repository.read(io.lifeboat.agent.fs.repo.ChunkId.parse(chunk)));
                    }
                }).restore(new SnapshotTreeReader(in), new RestoreOptions(into, "", false, false));
            }
            System.out.printf("profile: restore reading one chunk at a time: %.2f s (%s)%n", since(begin), load());
            begin = System.nanoTime();
            ChangeCache cache;
            try (InputStream in = pipeline.openForRestore(last.targetId(), last.backupId())) {
                cache = ChangeCache.from(new SnapshotTreeReader(in));
            }
            double cacheSeconds = since(begin);
            begin = System.nanoTime();
            try (Repository repository = repositories.open(TARGET)) {
                double openSeconds = since(begin);
                begin = System.nanoTime();
                int entries = new io.lifeboat.agent.fs.tree.TreeWalker(target.path(),
                        io.lifeboat.agent.fs.tree.Selection
                                .of(List.of(), List.of()),
                        false).walkAll().entries().size();
                double walkSeconds = since(begin);
                System.out.printf("profile: unchanged backup pieces: change cache from the last tree (%d files) %.2f "
                        + "s, repository open (index load) %.2f s, walk alone (%d entries, lstat + unix "
                        + "attributes) %.2f s (%s)%n", cache.size(), cacheSeconds, openSeconds, entries,
                        walkSeconds, load());
            }
        }

        void close() throws IOException {
            repositories.store.close();
        }
    }

    /** What the generator wrote: relative paths of the small and large originals, and the totals. */
    private static final class Generated {

        final List<String> smallFiles = new ArrayList<>();
        final List<String> largeFiles = new ArrayList<>();
        long files;
        long small;
        long large;
        long copies;
        long bytes;
        long copyBytes;

        long bytesNow(Path root) throws IOException {
            try (Stream<Path> paths = Files.walk(root)) {
                return paths.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
        }
    }

    /**
     * Writes the tree: per 2000 MB, 20,000 small files (1-64 KiB, half log-like text, half random) in 200
     * directories, large files (20-40 MB, two thirds random, one third text) up to 90% of the total, then copies
     * of large and small files (10%).
     */
    private static Generated generate(Path root, long total, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Generated g = new Generated();
        int smallCount = (int) Math.max(100, Math.round(20_000.0 * total / (2000 * MB)));
        for (int i = 0; i < smallCount; i++) {
            String path = String.format("data/d%02d/e%02d/file-%05d.%s", i % 20, (i / 20) % 10, i, i % 2 == 0
                    ? "log"
                    : "bin");
            int size = random.nextInt(KIB, 64 * KIB + 1);
            write(root.resolve(path), size, i % 2 == 0, random);
            g.smallFiles.add(path);
            g.small++;
            g.bytes += size;
        }
        long largeBudget = total * 9 / 10 - g.bytes;
        for (int i = 0; largeBudget > 0; i++) {
            String path = String.format("large/big-%02d.%s", i, i % 3 == 2 ? "txt" : "dat");
            long size = Math.min(Math.max(largeBudget, 4 * MB), random.nextLong(20 * MB, 40 * MB + 1));
            write(root.resolve(path), size, i % 3 == 2, random);
            g.largeFiles.add(path);
            g.large++;
            g.bytes += size;
            largeBudget -= size;
        }
        // Copies: every fifth large file while they fit in the 10% left, then small files.
        long copyBudget = total - g.bytes;
        for (int i = 0; i < g.largeFiles.size() && copyBudget > 0; i += 5) {
            copyBudget -= copy(root, g.largeFiles.get(i), "copies/" + g.largeFiles.get(i), g, copyBudget);
        }
        for (int i = 1; i < g.smallFiles.size() && copyBudget > 0; i += 7) {
            copyBudget -= copy(root, g.smallFiles.get(i), "copies/" + g.smallFiles.get(i), g, copyBudget);
        }
        g.files = g.small + g.large + g.copies;
        return g;
    }

    private static long copy(Path root, String from, String to, Generated g, long budget) throws IOException {
        long size = Files.size(root.resolve(from));
        if (size > budget && size > 64 * KIB) {
            return 0;
        }
        Files.createDirectories(root.resolve(to).getParent());
        Files.copy(root.resolve(from), root.resolve(to));
        g.copies++;
        g.bytes += size;
        g.copyBytes += size;
        return size;
    }

    private static void write(Path file, long size, boolean text, SplittableRandom random) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            content(out, size, text, random);
        }
    }

    /** {@code size} bytes: log-like lines (compressible about 4-6x) or random bytes. */
    private static void content(OutputStream out, long size, boolean text, SplittableRandom random)
            throws IOException {
        byte[] buffer = new byte[1 << 16];
        long left = size;
        if (!text) {
            while (left > 0) {
                int n = (int) Math.min(buffer.length, left);
                random.nextBytes(buffer);
                out.write(buffer, 0, n);
                left -= n;
            }
            return;
        }
        StringBuilder line = new StringBuilder(200);
        long clock = 1_795_000_000_000L + random.nextLong(1_000_000_000L);
        while (left > 0) {
            clock += random.nextInt(5000);
            line.setLength(0);
            line.append(Instant.ofEpochMilli(clock)).append(' ').append(LEVELS[random.nextInt(LEVELS.length)])
                    .append(" [worker-").append(random.nextInt(32)).append("] order ").append(random.nextInt(
                            10_000_000))
                    .append(" customer ").append(random.nextInt(100_000)).append(' ');
            for (int w = random.nextInt(3, 9); w > 0; w--) {
                line.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            line.append("amount=").append(random.nextInt(100_000) / 100.0).append('\n');
            byte[] bytes = line.toString().getBytes(StandardCharsets.US_ASCII);
            int n = (int) Math.min(bytes.length, left);
            out.write(bytes, 0, n);
            left -= n;
        }
    }

    /**
     * Changes about 1% of the files: a third of them appended to, a third rewritten in the middle (same size), a
     * third rewritten whole with a new size; one large file appended to and one rewritten in the middle. Every
     * changed file gets a new mtime. Returns the number of files changed.
     */
    private static int change(Path root, Generated g, long megabytes) throws IOException {
        SplittableRandom random = new SplittableRandom(1122L);
        List<String> picked = new ArrayList<>();
        for (String path : g.smallFiles) {
            if (random.nextInt(100) == 0) {
                picked.add(path);
            }
        }
        FileTime now = FileTime.from(Instant.now());
        int i = 0;
        for (String path : picked) {
            Path file = root.resolve(path);
            boolean text = path.endsWith(".log");
            switch (i++ % 3) {
                case 0 -> append(file, 512 + random.nextInt(4 * KIB), text, random);
                case 1 -> overwriteMiddle(file, Math.min(Files.size(file) / 2, 4 * KIB), random);
                default -> write(file, random.nextInt(KIB, 64 * KIB + 1), text, random);
            }
            Files.setLastModifiedTime(file, now);
        }
        String appended = g.largeFiles.get(g.largeFiles.size() - 1);
        append(root.resolve(appended), 256 * KIB, appended.endsWith(".txt"), random);
        Files.setLastModifiedTime(root.resolve(appended), now);
        String rewritten = g.largeFiles.get(Math.min(1, g.largeFiles.size() - 1));
        if (!rewritten.equals(appended)) {
            overwriteMiddle(root.resolve(rewritten), 64 * KIB, random);
            Files.setLastModifiedTime(root.resolve(rewritten), now);
            i++;
        }
        return i + 1;
    }

    private static void append(Path file, long bytes, boolean text, SplittableRandom random) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file,
                java.nio.file.StandardOpenOption.APPEND))) {
            content(out, bytes, text, random);
        }
    }

    private static void overwriteMiddle(Path file, long bytes, SplittableRandom random) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] noise = new byte[(int) bytes];
            random.nextBytes(noise);
            raf.seek(Math.max(0, raf.length() / 2 - bytes / 2));
            raf.write(noise);
        }
    }

    /**
     * Compares a restored tree with the source: the same regular files (count, total bytes), every file's content
     * byte for byte ({@link Files#mismatch}) and mtime to the millisecond.
     */
    private static String compare(Path source, Path restored) throws IOException {
        Map<String, Path> expected = regularFiles(source);
        Map<String, Path> actual = regularFiles(restored);
        long bytes = 0;
        int differ = 0;
        int mtimes = 0;
        List<String> examples = new ArrayList<>();
        for (Map.Entry<String, Path> e : expected.entrySet()) {
            Path other = actual.get(e.getKey());
            bytes += Files.size(e.getValue());
            if (other == null || Files.mismatch(e.getValue(), other) != -1) {
                differ++;
                if (examples.size() < 3) {
                    examples.add(e.getKey() + (other == null ? " (missing)" : " (content)"));
                }
            } else if (Files.getLastModifiedTime(e.getValue()).toMillis() != Files.getLastModifiedTime(other)
                    .toMillis()) {
                mtimes++;
            }
        }
        String counts = String.format("%d files, %d bytes, %d extra files", expected.size(), bytes, actual.size()
                - expected.size() + (int) expected.keySet().stream().filter(k -> !actual.containsKey(k)).count());
        if (differ == 0 && actual.size() == expected.size()) {
            return "identical: " + counts + " compared byte for byte; " + mtimes + " mtimes differ";
        }
        return "DIFFERENT: " + differ + " files differ " + examples + "; " + counts;
    }

    private static Map<String, Path> regularFiles(Path root) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).forEach(p -> files.put(root
                    .relativize(p).toString(), p));
        }
        return files;
    }

    /** {@code du -sb}: apparent bytes of every file under {@code dir}, the same measure for both repositories. */
    private long du(Path dir) throws Exception {
        return Long.parseLong(output(List.of("du", "-sb", dir.toString())).split("\\s+")[0]);
    }

    private void run(List<String> command) throws Exception {
        output(command, resticEnv);
    }

    private static void sync() throws Exception {
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

    private static double since(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return "load " + parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "load ?";
        }
    }

    private static void deleteTree(Path root) throws Exception {
        output(List.of("rm", "-rf", root.toString()), Map.of());
    }

    private interface Action {
        void run() throws Exception;
    }
}
