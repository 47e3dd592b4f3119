package io.lifeboat.agent.fs.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
import io.lifeboat.agentkit.testing.Benches;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Lifeboat as the fs-agent runs it, for the fs benchmark: its repositories, pipeline and snapshotter at the agent's
 * defaults.
 */
final class BenchLifeboat {

    final Path store;
    final FsRepositories repositories = new FsRepositories();
    private final ArtifactPipeline pipeline;
    private final FsTarget target;
    private Manifest last;
    private int backups;
    boolean quiet;

    BenchLifeboat(Path root, Path source) throws IOException {
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
        this.target = new FsTarget(FsBench.TARGET, source, List.of(), List.of(), false, Runtime.getRuntime()
                .availableProcessors());
        FsConfig.Chunk chunk = repositories.config.chunk();
        FsConfig.Repository repo = repositories.config.repository();
        if (root.getFileName().toString().equals("lifeboat") && root.getParent().getFileName().toString()
                .startsWith("lifeboat-fs-bench-")) {
            System.out.printf("lifeboat at the agent's defaults: chunks %d/%d/%d KiB, packs %d MiB, zstd level %d, "
                    + "%d readers; tree artifact: zstd level %d%n", chunk.minSize() / FsBench.KIB,
                    chunk.avgSize() / FsBench.KIB,
                    chunk.maxSize() / FsBench.KIB, repo.packSize() / (FsBench.KIB * FsBench.KIB), repo.zstdLevel(),
                    target.readers(), agent
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
        try (ArtifactSink sink = pipeline.create(new ArtifactSpec(FsBench.TARGET, backupId, Engine.FILESYSTEM, type,
                WriteOptions.of(StorageClass.HOT)))) {
            try (RepositoryLock lock = repositories.lockShared(FsBench.TARGET, backupId);
                    Repository repository = repositories.open(FsBench.TARGET)) {
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
        try (Repository repository = repositories.open(FsBench.TARGET)) {
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
        FsBench.sync();
        long begin = System.nanoTime();
        try (Repository repository = repositories.open(FsBench.TARGET);
                InputStream in = pipeline.openForRestore(last.targetId(), last.backupId())) {
            new io.lifeboat.agent.fs.tree.TreeRestorer((chunks, out) -> {
                for (String chunk : chunks) {
                    out.write(repository.read(io.lifeboat.agent.fs.repo.ChunkId.parse(chunk)));
                }
            }).restore(new SnapshotTreeReader(in), new RestoreOptions(into, "", false, false));
        }
        System.out.printf("profile: restore reading one chunk at a time: %.2f s (%s)%n", Benches.since(begin),
                Benches.load());
        begin = System.nanoTime();
        ChangeCache cache;
        try (InputStream in = pipeline.openForRestore(last.targetId(), last.backupId())) {
            cache = ChangeCache.from(new SnapshotTreeReader(in));
        }
        double cacheSeconds = Benches.since(begin);
        begin = System.nanoTime();
        try (Repository repository = repositories.open(FsBench.TARGET)) {
            double openSeconds = Benches.since(begin);
            begin = System.nanoTime();
            int entries = new io.lifeboat.agent.fs.tree.TreeWalker(target.path(),
                    io.lifeboat.agent.fs.tree.Selection
                            .of(List.of(), List.of()),
                    false).walkAll().entries().size();
            double walkSeconds = Benches.since(begin);
            System.out.printf("profile: unchanged backup pieces: change cache from the last tree (%d files) %.2f "
                    + "s, repository open (index load) %.2f s, walk alone (%d entries, lstat + unix "
                    + "attributes) %.2f s (%s)%n", cache.size(), cacheSeconds, openSeconds, entries,
                    walkSeconds, Benches.load());
        }
    }

    void close() throws IOException {
        repositories.store.close();
    }
}
