package io.lifeboat.agent.fs.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lifeboat.agent.fs.chunk.ChunkerSettings;
import io.lifeboat.agent.fs.chunk.FastCdc;
import io.lifeboat.agent.fs.config.FsTarget;
import io.lifeboat.agent.fs.repo.NoSuchChunkException;
import io.lifeboat.agent.fs.repo.Repository;
import io.lifeboat.agent.fs.repo.RepositorySettings;
import io.lifeboat.agent.fs.restore.FsRestoreEngine;
import io.lifeboat.agent.fs.testing.TreeState;
import io.lifeboat.agent.fs.tree.ChangeCache;
import io.lifeboat.agent.fs.tree.RestoreOptions;
import io.lifeboat.agent.fs.tree.RestoreResult;
import io.lifeboat.agentkit.crypto.LocalKeyFileMasterKey;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.LocalObjectStore;
import io.lifeboat.agentkit.storage.WriteOptions;

class SnapshotRestoreTest {

    private static final ChunkerSettings SMALL_CHUNKS = new ChunkerSettings(1024, 4096, 16 * 1024);

    @TempDir
    Path tmp;

    @Test
    void aSnapshotRestoresByteIdenticalWithChunksReadAheadOnSeveralThreads() throws Exception {
        Path source = fill(tmp.resolve("src"));
        try (LocalObjectStore store = new LocalObjectStore(tmp.resolve("store"));
                Repository repository = open(store)) {
            byte[] tree = snapshot(source, repository);
            Path restored = tmp.resolve("restored");
            RestoreResult result = FsRestoreEngine.restoreTree(repository, () -> new ByteArrayInputStream(tree),
                    new RestoreOptions(restored, "", false, false));

            assertThat(TreeState.of(restored, p -> false)).isEqualTo(TreeState.of(source, p -> false));
            assertThat(result.files()).isEqualTo(44);
        }
    }

    @Test
    void aSubPathRestoresOnlyItsFiles() throws Exception {
        Path source = fill(tmp.resolve("src"));
        try (LocalObjectStore store = new LocalObjectStore(tmp.resolve("store"));
                Repository repository = open(store)) {
            byte[] tree = snapshot(source, repository);
            Path restored = tmp.resolve("restored");
            FsRestoreEngine.restoreTree(repository, () -> new ByteArrayInputStream(tree), new RestoreOptions(restored,
                    "b", false, false));

            assertThat(TreeState.of(restored.resolve("b"), p -> false)).isEqualTo(TreeState.of(source.resolve("b"),
                    p -> false));
            assertThat(restored.resolve("a")).doesNotExist();
        }
    }

    @Test
    void aMissingPackFailsTheRestoreNamingTheChunk() throws Exception {
        Path source = fill(tmp.resolve("src"));
        try (LocalObjectStore store = new LocalObjectStore(tmp.resolve("store"));
                Repository written = open(store)) {
            byte[] tree = snapshot(source, written);
            try (Stream<Path> files = Files.walk(tmp.resolve("store"))) {
                for (Path pack : files.filter(p -> p.toString().contains("/packs/") && Files.isRegularFile(p))
                        .toList()) {
                    Files.delete(pack);
                }
            }
            try (Repository repository = open(store)) {
                assertThatThrownBy(() -> FsRestoreEngine.restoreTree(repository, () -> new ByteArrayInputStream(
                        tree), new RestoreOptions(tmp.resolve("restored"), "", false, false))).isInstanceOf(
                                NoSuchChunkException.class)
                        .hasMessageContaining("does not exist");
            }
        }
    }

    private Repository open(LocalObjectStore store) throws IOException {
        return Repository.open(store, new ArtifactLayout(), LocalKeyFileMasterKey.openOrCreate(tmp.resolve(
                "master.key")), "docs", WriteOptions.HOT, RepositorySettings.DEFAULT.withPackSize(64 * 1024));
    }

    private static byte[] snapshot(Path source, Repository repository) throws Exception {
        ByteArrayOutputStream tree = new ByteArrayOutputStream();
        new FsSnapshotter(new FsTarget("docs", source, List.of(), List.of(), false, 2), repository,
                () -> new FastCdc(SMALL_CHUNKS), ChangeCache.empty()).snapshot(tree);
        return tree.toByteArray();
    }

    /** 40 small files in a/, two multi-chunk files and a copy in b/, an empty file at the top: 44 files. */
    private static Path fill(Path source) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        Files.createDirectories(source.resolve("a"));
        Files.createDirectories(source.resolve("b"));
        for (int i = 0; i < 40; i++) {
            Files.write(source.resolve("a/f" + i), bytes(random, random.nextInt(1, 3000)));
        }
        Files.write(source.resolve("b/large"), bytes(random, 300_000));
        Files.write(source.resolve("b/larger"), bytes(random, 500_000));
        Files.copy(source.resolve("b/large"), source.resolve("b/copy"));
        Files.write(source.resolve("empty"), new byte[0]);
        return source;
    }

    private static byte[] bytes(SplittableRandom random, int size) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        return b;
    }
}
