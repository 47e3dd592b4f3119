package io.lifeboat.agent.fs.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryCheckTest {

    @TempDir
    Path tmp;

    private RepoFixture fixture;
    private Map<ChunkId, byte[]> added;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new RepoFixture(tmp);
        try (Repository repository = fixture.open()) {
            added = RepoFixture.addRandom(repository, 60, 7);
        }
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void findsNothingWrongInAnIntactRepository() throws IOException {
        try (Repository repository = fixture.open()) {
            CheckReport report = new RepositoryCheck(repository).check(added.keySet(), true);

            assertThat(report.ok()).isTrue();
            assertThat(report.referenced()).isEqualTo(60);
            assertThat(report.orphanPacks()).isEmpty();
        }
    }

    @Test
    void namesTheChunkWhoseBlobHasAFlippedByte() throws IOException {
        ChunkId victim = added.keySet().stream().skip(17).findFirst().orElseThrow();
        String packKey;
        try (Repository repository = fixture.open()) {
            ChunkLocation at = repository.index().get(victim);
            packKey = fixture.repoLayout.pack(at.packId());
            Path pack = fixture.root.resolve(packKey);
            byte[] bytes = Files.readAllBytes(pack);
            bytes[at.offset() + at.length() / 2] ^= 0x01;
            Files.write(pack, bytes);
        }

        try (Repository repository = fixture.open()) {
            CheckReport quick = new RepositoryCheck(repository).check(added.keySet(), false);
            CheckReport full = new RepositoryCheck(repository).check(added.keySet(), true);

            assertThat(quick.ok()).isTrue();
            assertThat(full.missing()).isEmpty();
            assertThat(full.bad()).containsOnlyKeys(victim);
            assertThat(full.bad().get(victim)).contains(victim.hex(), packKey);
            assertThatThrownBy(() -> repository.read(victim)).isInstanceOfSatisfying(BadChunkException.class, e -> {
                assertThat(e.chunkId()).isEqualTo(victim);
                assertThat(e.packKey()).isEqualTo(packKey);
                assertThat(e).hasMessageContaining(victim.hex()).hasMessageContaining(packKey);
            });
        }
    }

    @Test
    void reportsTheChunksOfADeletedPackAsMissing() throws IOException {
        Set<ChunkId> lost = new HashSet<>();
        try (Repository repository = fixture.open()) {
            String packId = repository.index().get(added.keySet().iterator().next()).packId();
            repository.index().forEach((id, at) -> {
                if (at.packId().equals(packId)) {
                    lost.add(id);
                }
            });
            fixture.store.delete(fixture.repoLayout.pack(packId));
        }

        try (Repository repository = fixture.open()) {
            CheckReport report = new RepositoryCheck(repository).check(added.keySet(), true);

            assertThat(report.missing()).containsExactlyInAnyOrderElementsOf(lost);
            assertThat(report.bad()).isEmpty();
        }
    }

    @Test
    void reportsAPackWithoutIndexAsOrphanAndItsChunksAsMissingUntilItIsReindexed() throws IOException {
        String orphanKey;
        ChunkId never;
        try (Repository repository = fixture.open()) {
            never = repository.id(new byte[]{9}, 0, 1);
            String packId = repository.index().values().iterator().next().packId();
            fixture.store.delete(fixture.repoLayout.index(packId));
            orphanKey = fixture.repoLayout.pack(packId);
        }
        Set<ChunkId> referenced = new HashSet<>(added.keySet());
        referenced.add(never);

        try (Repository repository = fixture.open()) {
            CheckReport report = new RepositoryCheck(repository).check(referenced, false);

            assertThat(report.missing()).contains(never);
            assertThat(report.orphanPacks()).containsExactly(orphanKey);
            PackReader reader = repository.reader();
            String orphanId = orphanKey.substring(orphanKey.lastIndexOf('/') + 1);
            assertThat(reader.readHeader(orphanId)).extracting(PackEntry::chunkId)
                    .containsExactlyInAnyOrderElementsOf(report.missing().stream().filter(id -> !id.equals(never))
                            .toList());

            assertThat(repository.reindex(orphanId)).isEqualTo(report.missing().size() - 1);
        }
        try (Repository reindexed = fixture.open()) {
            CheckReport report = new RepositoryCheck(reindexed).check(added.keySet(), true);

            assertThat(report.ok()).isTrue();
            assertThat(report.orphanPacks()).isEmpty();
        }
    }
}
