package io.lifeboat.agent.mongo.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lifeboat.agent.mongo.oplog.OplogGap;
import io.lifeboat.agent.mongo.oplog.OplogPosition;
import io.lifeboat.agent.mongo.oplog.OplogStore;
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

class OplogExpireEngineTest {

    private static final String TARGET = "orders";
    private static final OplogGap GAP = new OplogGap(new OplogPosition(120, 4), new OplogPosition(200, 1));

    @TempDir
    Path tmp;

    private LocalObjectStore objects;
    private OplogStore oplog;
    private OplogExpireEngine engine;

    @BeforeEach
    void storeSlicesAroundAGap() throws IOException {
        MasterKey key = LocalKeyFileMasterKey.openOrCreate(tmp.resolve("master.key"));
        objects = new LocalObjectStore(tmp.resolve("store"));
        oplog = new OplogStore(objects, new ArtifactLayout(), key, TARGET, WriteOptions.HOT);
        engine = OplogExpireEngine.of(objects, key, new ArtifactLayout());
        slice(100, 5);
        slice(110, 3);
        slice(120, 4);
        oplog.putGap(GAP);
        slice(200, 9);
        slice(210, 2);
        slice(220, 6);
    }

    @AfterEach
    void closeStore() {
        objects.close();
    }

    @Test
    void deletesEverySliceThatEndsBeforeKeepLogFromAndTheGapBeforeWhatRemains() throws Exception {
        Map<String, Long> before = oplog.sizes();
        long expected = before.entrySet().stream().filter(e -> !e.getKey().startsWith("0000000210") && !e.getKey()
                .startsWith("0000000220")).mapToLong(Map.Entry::getValue).sum();

        long freed = engine.reclaim(expire("210:1"), List.of());

        assertThat(freed).isEqualTo(expected).isPositive();
        assertThat(names()).containsExactly("210:1-210:2", "220:1-220:6");
        assertThat(oplog.gaps()).isEmpty();
    }

    @Test
    void keepsASliceThatEndsExactlyAtTheKeepPosition() throws Exception {
        long expected = sizeOf("100:1-100:5");

        long freed = engine.reclaim(expire("110:3"), List.of());

        assertThat(freed).isEqualTo(expected).isPositive();
        assertThat(names()).containsExactly("110:1-110:3", "120:1-120:4", "200:1-200:9", "210:1-210:2",
                "220:1-220:6");
        assertThat(oplog.gaps()).containsExactly(GAP);
    }

    @Test
    void keepsWhatARemainingDumpOlderThanKeepLogFromNeeds() throws Exception {
        List<Manifest> remaining = List.of(dump("dump-1", "110:2"), dump("no-oplog", null), dump("dump-2", "215:0"));

        engine.reclaim(expire("210:1"), remaining);

        assertThat(names()).containsExactly("110:1-110:3", "120:1-120:4", "200:1-200:9", "210:1-210:2",
                "220:1-220:6");
        assertThat(oplog.gaps()).containsExactly(GAP);
    }

    @Test
    void keepsTheGapMarkerADumpStartedInsideTheHoleWouldReplayAcross() throws Exception {
        engine.reclaim(expire("210:1"), List.of(dump("dump-in-hole", "150:0")));

        assertThat(names()).containsExactly("200:1-200:9", "210:1-210:2", "220:1-220:6");
        assertThat(oplog.gaps()).containsExactly(GAP);
    }

    @Test
    void usesTheOldestRemainingDumpWhenTheCommandNamesNoKeepPosition() throws Exception {
        engine.reclaim(expire(null), List.of(dump("dump-2", "200:5")));

        assertThat(names()).containsExactly("200:1-200:9", "210:1-210:2", "220:1-220:6");
        assertThat(oplog.gaps()).isEmpty();
    }

    @Test
    void reclaimsNothingWithoutAnyKeepPosition() throws Exception {
        Map<String, Long> before = oplog.sizes();

        long freed = engine.reclaim(expire(null), List.of(dump("no-oplog", null)));

        assertThat(freed).isZero();
        assertThat(oplog.sizes()).isEqualTo(before);
    }

    @Test
    void refusesAKeepLogFromThatIsNoOplogPositionAndDeletesNothing() throws IOException {
        Map<String, Long> before = oplog.sizes();

        assertThatThrownBy(() -> engine.reclaim(expire("0/3000028"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keepLogFrom")
                .hasMessageContaining("'0/3000028'").hasMessageContaining(TARGET);
        assertThat(oplog.sizes()).isEqualTo(before);
    }

    private void slice(int seconds, int lastIncrement) throws IOException {
        List<RawBsonDocument> entries = new ArrayList<>();
        for (int i = 1; i <= lastIncrement; i++) {
            entries.add(RawBsonDocument.parse("{ts: {$timestamp: {t: " + seconds + ", i: " + i
                    + "}}, op: 'i', ns: 'shop.orders', o: {_id: " + i + "}, wall: {$date: 5000}}"));
        }
        oplog.put(entries);
    }

    private List<String> names() throws IOException {
        return oplog.slices().stream().map(slice -> slice.first() + "-" + slice.last()).toList();
    }

    private long sizeOf(String printed) {
        String[] bounds = printed.split("-");
        String name = OplogPosition.parse(bounds[0]).sortable() + "-" + OplogPosition.parse(bounds[1]).sortable();
        try {
            return oplog.sizes().get(name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ExpireBackups expire(String keepLogFrom) {
        return new ExpireBackups("expire-1", TARGET, Engine.MONGODB, List.of("dump-0"), "daily: keep 2",
                "catalog-service", null, 1, keepLogFrom);
    }

    private static Manifest dump(String backupId, String startPosition) {
        Map<String, Object> metadata = startPosition == null
                ? Map.of("pointConsistent", false)
                : Map.of(BackupEngine.START_POSITION, startPosition, "pointConsistent", true);
        return new Manifest(Manifest.FORMAT_VERSION, backupId, TARGET, Engine.MONGODB, BackupType.FULL, null,
                List.of(), null, null, null, null, null, null, null, metadata);
    }
}
