package io.lifeboat.agent.fs.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lifeboat.agentkit.storage.WriteOptions;

class SweepTest {

    @TempDir
    Path tmp;

    private RepoFixture fixture;
    private Map<ChunkId, byte[]> added;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new RepoFixture(tmp);
        try (Repository repository = fixture.open()) {
            added = RepoFixture.addRandom(repository, 120, 11);
        }
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void removesExactlyTheUnreferencedChunksAndKeepsTheOthersReadable() throws IOException {
        Set<ChunkId> referenced = added.keySet().stream().filter(id -> (id.hashCode() & 3) != 0)
                .collect(Collectors.toSet());
        Set<ChunkId> unreferenced = new HashSet<>(added.keySet());
        unreferenced.removeAll(referenced);

        SweepResult result = sweep(RepositorySettings.DEFAULT.withPackSize(64 * 1024)).sweep(referenced);

        assertThat(result.chunksRemoved()).isEqualTo(unreferenced.size());
        assertThat(result.packsRewritten() + result.packsDeleted()).isPositive();
        assertThat(result.bytesReclaimed()).isPositive();
        try (Repository fresh = fixture.open()) {
            assertThat(fresh.index().keySet()).isEqualTo(referenced);
            for (ChunkId id : referenced) {
                assertThat(fresh.read(id)).isEqualTo(added.get(id));
            }
            assertThat(new RepositoryCheck(fresh).check(referenced, true).ok()).isTrue();
        }
        assertThat(fixture.store.list(fixture.repoLayout.lockPrefix())).isEmpty();
    }

    @Test
    void marksOnlyOnceItHoldsTheExclusiveLockSoNoBackupCanStartOrEndUnseen() throws IOException {
        List<String> locksWhileMarking = new ArrayList<>();

        sweep(RepoFixture.SETTINGS).sweep(() -> {
            fixture.store.list(fixture.repoLayout.lockPrefix()).forEach(lock -> locksWhileMarking.add(lock.key()));
            return added.keySet();
        });

        assertThat(locksWhileMarking).singleElement().asString().contains("exclusive-");
        assertThat(fixture.store.list(fixture.repoLayout.lockPrefix())).isEmpty();
    }

    @Test
    void deletesEveryPackWhenNothingIsReferenced() throws IOException {
        SweepResult result = sweep(RepoFixture.SETTINGS).sweep(Set.of());

        assertThat(result.chunksRemoved()).isEqualTo(120);
        assertThat(result.packsRewritten()).isZero();
        assertThat(fixture.store.list(fixture.repoLayout.packPrefix())).isEmpty();
        assertThat(fixture.store.list(fixture.repoLayout.indexPrefix())).isEmpty();
    }

    @Test
    void leavesPacksWithLittleGarbageAloneAboveTheRepackThreshold() throws IOException {
        ChunkId dropped = added.keySet().iterator().next();
        Set<ChunkId> referenced = new HashSet<>(added.keySet());
        referenced.remove(dropped);

        SweepResult result = sweep(RepoFixture.SETTINGS.withRepackThreshold(0.9)).sweep(referenced);

        assertThat(result).isEqualTo(new SweepResult(0, 0, 0, 0));
        try (Repository fresh = fixture.open()) {
            assertThat(fresh.index()).containsKey(dropped);
        }
    }

    @Test
    void deletesAPackLeftWithoutIndexAndKeepsEveryIndexedChunk() throws IOException {
        String orphanId;
        try (Repository repository = fixture.open()) {
            orphanId = repository.index().get(added.keySet().iterator().next()).packId();
        }
        fixture.store.delete(fixture.repoLayout.index(orphanId));
        Set<ChunkId> indexed;
        try (Repository repository = fixture.open()) {
            indexed = Set.copyOf(repository.index().keySet());
        }

        SweepResult result = sweep(RepoFixture.SETTINGS).sweep(indexed);

        assertThat(result.packsDeleted()).isEqualTo(1);
        assertThat(result.chunksRemoved()).isZero();
        assertThat(fixture.store.stat(fixture.repoLayout.pack(orphanId))).isEmpty();
        try (Repository fresh = fixture.open()) {
            CheckReport report = new RepositoryCheck(fresh).check(indexed, true);
            assertThat(report.ok()).isTrue();
            assertThat(report.orphanPacks()).isEmpty();
        }
    }

    @Test
    void refusesToSweepWhileABackupHoldsASharedLockNamingIt() throws IOException {
        try (RepositoryLock backup = RepositoryLock.acquire(fixture.store, fixture.repoLayout,
                RepositoryLock.Kind.SHARED, "backup-b1", Duration.ofHours(24), Clock.systemUTC())) {

            assertThatThrownBy(() -> sweep(RepoFixture.SETTINGS).sweep(Set.of()))
                    .isInstanceOf(RepositoryLockedException.class).hasMessageContaining("'backup-b1'")
                    .hasMessageContaining(backup.key());
        }
        try (Repository fresh = fixture.open()) {
            assertThat(fresh.index()).hasSize(120);
        }
        assertThat(fixture.store.list(fixture.repoLayout.lockPrefix())).isEmpty();
    }

    private Sweep sweep(RepositorySettings settings) {
        return new Sweep(fixture.store, fixture.layout, fixture.masterKey, RepoFixture.TARGET, WriteOptions.HOT,
                settings, "sweeper", Clock.systemUTC());
    }
}
