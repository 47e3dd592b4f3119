package io.lifeboat.agent.fs.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryTest {

    @TempDir
    Path tmp;

    private RepoFixture fixture;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new RepoFixture(tmp);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void readsBackEveryChunkStoredAcrossSeveralPacks() throws IOException {
        try (Repository repository = fixture.open()) {
            Map<ChunkId, byte[]> added = RepoFixture.addRandom(repository, 300, 1);

            assertThat(fixture.store.list(fixture.repoLayout.packPrefix())).hasSizeGreaterThan(5);
            assertThat(fixture.store.list(fixture.repoLayout.indexPrefix()))
                    .hasSameSizeAs(fixture.store.list(fixture.repoLayout.packPrefix()));
            for (Map.Entry<ChunkId, byte[]> chunk : added.entrySet()) {
                assertThat(repository.read(chunk.getKey())).isEqualTo(chunk.getValue());
            }
            assertThat(repository.stats().chunksNew()).isEqualTo(300);
        }
    }

    @Test
    void storesTheSameChunkOnceAndCountsTheSecondAddAsReused() throws IOException {
        byte[] chunk = "the same bytes, twice".repeat(100).getBytes();
        try (Repository repository = fixture.open()) {
            ChunkId id = repository.id(chunk, 0, chunk.length);

            assertThat(repository.add(id, chunk, 0, chunk.length)).isTrue();
            assertThat(repository.add(id, chunk, 0, chunk.length)).isFalse();
            repository.flush();

            assertThat(repository.stats()).isEqualTo(new Repository.Stats(1, 1, chunk.length,
                    repository.stats().bytesNewStored()));
            assertThat(repository.stats().bytesNewStored()).isLessThan(chunk.length);
            assertThat(fixture.store.list(fixture.repoLayout.packPrefix())).hasSize(1);
            assertThat(repository.read(id)).isEqualTo(chunk);
        }
    }

    @Test
    void storesNothingWhenAReopenedRepositoryIsGivenTheSameChunks() throws IOException {
        Map<ChunkId, byte[]> first;
        try (Repository repository = fixture.open()) {
            first = RepoFixture.addRandom(repository, 50, 2);
        }
        int objects = fixture.store.list("").size();

        try (Repository reopened = fixture.open()) {
            Map<ChunkId, byte[]> second = RepoFixture.addRandom(reopened, 50, 2);

            assertThat(second.keySet()).isEqualTo(first.keySet());
            assertThat(reopened.stats().chunksNew()).isZero();
            assertThat(reopened.stats().chunksReused()).isEqualTo(50);
            assertThat(fixture.store.list("")).hasSize(objects);
            assertThat(reopened.read(first.keySet().iterator().next())).isEqualTo(first.values().iterator().next());
        }
    }

    @Test
    void storesAgainOnlyTheChunksOfAPackLeftWithoutIndexByACrash() throws IOException {
        Map<ChunkId, byte[]> first;
        String orphanId;
        Set<ChunkId> orphaned = new HashSet<>();
        try (Repository repository = fixture.open()) {
            first = RepoFixture.addRandom(repository, 80, 5);
            orphanId = repository.index().get(first.keySet().iterator().next()).packId();
            repository.index().forEach((id, at) -> {
                if (at.packId().equals(orphanId)) {
                    orphaned.add(id);
                }
            });
        }
        // The crash: the pack was stored, its index was not.
        fixture.store.delete(fixture.repoLayout.index(orphanId));

        try (Repository rerun = fixture.open()) {
            assertThat(rerun.index().keySet()).doesNotContainAnyElementsOf(orphaned);
            RepoFixture.addRandom(rerun, 80, 5);

            assertThat(rerun.stats().chunksNew()).isEqualTo(orphaned.size());
            assertThat(rerun.stats().chunksReused()).isEqualTo(80 - orphaned.size());
            for (ChunkId id : orphaned) {
                assertThat(rerun.index().get(id).packId()).isNotEqualTo(orphanId);
                assertThat(rerun.read(id)).isEqualTo(first.get(id));
            }
        }
    }

    @Test
    void storesEachChunkOnceWhenManyThreadsAddTheSameChunks() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (Repository repository = fixture.open()) {
            List<Future<?>> adds = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                adds.add(threads.submit(() -> RepoFixture.addRandom(repository, 100, 3)));
            }
            for (Future<?> add : adds) {
                add.get();
            }
            repository.flush();

            assertThat(repository.stats().chunksNew()).isEqualTo(100);
            assertThat(repository.stats().chunksReused()).isEqualTo(300);
        } finally {
            threads.shutdownNow();
        }
        try (Repository reopened = fixture.open()) {
            assertThat(reopened.index()).hasSize(100);
        }
    }

    @Test
    void refusesToReadAChunkNoIndexListsNamingIt() throws IOException {
        try (Repository repository = fixture.open()) {
            ChunkId unknown = repository.id(new byte[]{1, 2, 3}, 0, 3);

            assertThatThrownBy(() -> repository.read(unknown)).isInstanceOf(NoSuchChunkException.class)
                    .hasMessageContaining(unknown.hex());
        }
    }
}
