package io.lifeboat.agent.pg.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lifeboat.agentkit.agent.BackupEngine;
import io.lifeboat.agentkit.crypto.LocalKeyFileMasterKey;
import io.lifeboat.agentkit.crypto.MasterKey;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.LocalObjectStore;
import io.lifeboat.agentkit.storage.WriteOptions;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.ExpireBackups;

class WalExpireEngineTest {

    // The smallest wal_segment_size PostgreSQL allows keeps the stored archive small.
    private static final long SEGMENT = 1L << 20;
    private static final String TARGET = "orders";
    private static final String TL1 = "00000001";
    private static final String TL2 = "00000002";
    private static final byte[] HISTORY = "1\t0/6000000\tno recovery target specified\n".getBytes();

    @TempDir
    Path tmp;

    private LocalObjectStore objects;
    private WalStore wal;
    private WalExpireEngine engine;

    @BeforeEach
    void storeTwoTimelines() throws IOException {
        MasterKey key = LocalKeyFileMasterKey.openOrCreate(tmp.resolve("master.key"));
        objects = new LocalObjectStore(tmp.resolve("store"));
        wal = new WalStore(objects, new ArtifactLayout(), key, TARGET, WriteOptions.HOT);
        engine = WalExpireEngine.of(objects, key, new ArtifactLayout());
        // Timeline 1: segments 1-5, then the partial of 6 up to the switch; timeline 2 from segment 6 on.
        for (long n = 1; n <= 5; n++) {
            segment(1, n, SEGMENT);
        }
        partial(1, 6);
        wal.putHistory(TL2, HISTORY);
        for (long n = 6; n <= 9; n++) {
            segment(2, n, SEGMENT);
        }
        partial(2, 10);
    }

    @AfterEach
    void closeStore() {
        objects.close();
    }

    @Test
    void deletesEverySegmentAndPartialOfBothTimelinesThatEndsBeforeKeepLogFromAndKeepsTheHistory()
            throws Exception {
        Map<String, Long> before1 = wal.sizes(TL1);
        Map<String, Long> before2 = wal.sizes(TL2);
        long expected = before1.values().stream().mapToLong(Long::longValue).sum() + before2.get(name(2, 6));

        long freed = engine.reclaim(expire(lsn(7 * SEGMENT + 0x28)), List.of());

        assertThat(wal.segmentSize()).hasValue(SEGMENT);
        assertThat(freed).isEqualTo(expected).isPositive();
        assertThat(wal.objects(TL1)).isEmpty();
        assertThat(wal.objects(TL2)).containsExactly(TL2 + ".history", name(2, 7), name(2, 8), name(2, 9),
                name(2, 10) + ".partial");
        assertThat(wal.history(TL2)).hasValue(HISTORY);
    }

    @Test
    void keepsTheSegmentThatStartsAtTheKeepPositionAndDeletesTheOneEndingThere() throws Exception {
        long freed = engine.reclaim(expire(lsn(6 * SEGMENT)), List.of());

        assertThat(wal.objects(TL1)).containsExactly(name(1, 6) + ".partial");
        assertThat(wal.objects(TL2)).containsExactly(TL2 + ".history", name(2, 6), name(2, 7), name(2, 8),
                name(2, 9), name(2, 10) + ".partial");
        assertThat(freed).isPositive();
    }

    @Test
    void keepsWhatARemainingBackupOlderThanKeepLogFromNeeds() throws Exception {
        long expected = wal.sizes(TL1).get(name(1, 1)) + wal.sizes(TL1).get(name(1, 2));
        List<Manifest> remaining = List.of(backup("full-1", lsn(3 * SEGMENT + 0x100)), backup("dump-1", null),
                backup("full-2", lsn(8 * SEGMENT)));

        long freed = engine.reclaim(expire(lsn(7 * SEGMENT + 0x28)), remaining);

        assertThat(freed).isEqualTo(expected);
        assertThat(wal.objects(TL1)).containsExactly(name(1, 3), name(1, 4), name(1, 5), name(1, 6) + ".partial");
        assertThat(wal.objects(TL2)).hasSize(6);
    }

    @Test
    void usesTheOldestRemainingBackupWhenTheCommandNamesNoKeepPosition() throws Exception {
        long freed = engine.reclaim(expire(null), List.of(backup("full-2", lsn(5 * SEGMENT + 0x28))));

        assertThat(wal.objects(TL1)).containsExactly(name(1, 5), name(1, 6) + ".partial");
        assertThat(freed).isPositive();
    }

    @Test
    void reclaimsNothingWithoutAnyKeepPosition() throws Exception {
        Map<String, Long> before1 = wal.sizes(TL1);
        Map<String, Long> before2 = wal.sizes(TL2);

        long freed = engine.reclaim(expire(null), List.of(backup("dump-1", null)));

        assertThat(freed).isZero();
        assertThat(wal.sizes(TL1)).isEqualTo(before1);
        assertThat(wal.sizes(TL2)).isEqualTo(before2);
    }

    @Test
    void refusesAKeepLogFromThatIsNoLsnAndDeletesNothing() throws IOException {
        Map<String, Long> before1 = wal.sizes(TL1);

        assertThatThrownBy(() -> engine.reclaim(expire("yesterday"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keepLogFrom")
                .hasMessageContaining("'yesterday'").hasMessageContaining(TARGET);
        assertThat(wal.sizes(TL1)).isEqualTo(before1);
    }

    @Test
    void neverDeletesAHistoryFileEvenWhenAskedTo() {
        assertThatThrownBy(() -> wal.delete(TL2, TL2 + ".history")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(TL2 + ".history");
    }

    private void segment(long timeline, long number, long length) throws IOException {
        String tl = WalSegments.timelineHex(timeline);
        String name = name(timeline, number);
        byte[] raw = new byte[(int) length];
        raw[0] = (byte) number;
        wal.put(wal.newKey(tl, name), tl, name, raw, raw.length);
    }

    private void partial(long timeline, long number) throws IOException {
        String tl = WalSegments.timelineHex(timeline);
        String name = name(timeline, number);
        wal.put(wal.newKey(tl, name), tl, name + WalStore.PARTIAL_SUFFIX, new byte[4096], 4096);
    }

    private static String name(long timeline, long number) {
        return WalSegments.fileName(timeline, number, SEGMENT);
    }

    private static String lsn(long position) {
        return WalSegments.format(position);
    }

    private static ExpireBackups expire(String keepLogFrom) {
        return new ExpireBackups("expire-1", TARGET, Engine.POSTGRES, List.of("full-0"), "daily: keep 2",
                "catalog-service", null, 1, keepLogFrom);
    }

    private static Manifest backup(String backupId, String startPosition) {
        Map<String, Object> metadata = startPosition == null
                ? Map.of("format", "pg_dump-custom")
                : Map.of(BackupEngine.START_POSITION, startPosition, "format", "tar");
        return new Manifest(Manifest.FORMAT_VERSION, backupId, TARGET, Engine.POSTGRES, startPosition == null
                ? BackupType.LOGICAL
                : BackupType.FULL, null, List.of(), null, null, null, null, null, null, null, metadata);
    }
}
