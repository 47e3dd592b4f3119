package io.lifeboat.agent.mongo.oplog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.ServerAddress;

import io.lifeboat.agentkit.agent.RepeatFilter;
import io.lifeboat.agentkit.crypto.LocalKeyFileMasterKey;
import io.lifeboat.agentkit.crypto.MasterKey;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.LocalObjectStore;
import io.lifeboat.agentkit.storage.WriteOptions;
import io.lifeboat.events.archive.ArchiveFailure;
import io.lifeboat.events.backup.StorageLocation;

class OplogStoreTest {

    @TempDir
    Path tmp;

    private static RawBsonDocument entry(int seconds, int increment, String marker) {
        return RawBsonDocument.parse("{ts: {$timestamp: {t: " + seconds + ", i: " + increment
                + "}}, op: 'i', ns: 'shop.orders', o: {_id: 1, note: '" + marker + "'}, wall: {$date: 5000}}");
    }

    @Test
    void storesASliceEncryptedAndReadsTheSameEntriesBack() throws IOException {
        MasterKey key = LocalKeyFileMasterKey.openOrCreate(tmp.resolve("master.key"));
        try (LocalObjectStore objects = new LocalObjectStore(tmp.resolve("store"))) {
            OplogStore store = new OplogStore(objects, new ArtifactLayout(), key, "orders", WriteOptions.HOT);
            List<RawBsonDocument> entries = List.of(entry(100, 1, "SECRET-A"), entry(100, 2, "SECRET-B"));

            OplogSlice slice = store.put(entries);

            assertThat(slice).isEqualTo(new OplogSlice(new OplogPosition(100, 1), new OplogPosition(100, 2)));
            assertThat(store.slices()).containsExactly(slice);
            assertThat(store.read(slice)).isEqualTo(entries);
            Path file = tmp.resolve("store/orders/oplog/" + slice.name());
            assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .doesNotContain("SECRET");

            byte[] tampered = Files.readAllBytes(file);
            tampered[tampered.length - 10] ^= 1;
            Files.write(file, tampered);
            assertThatThrownBy(() -> store.read(slice)).hasMessageContaining("corrupt").hasMessageContaining(slice
                    .name());
        }
    }

    @Test
    void aSliceOfOneTargetCannotBeReadAsAnotherTargets() throws IOException {
        MasterKey key = LocalKeyFileMasterKey.openOrCreate(tmp.resolve("master.key"));
        try (LocalObjectStore objects = new LocalObjectStore(tmp.resolve("store"))) {
            OplogStore orders = new OplogStore(objects, new ArtifactLayout(), key, "orders", WriteOptions.HOT);
            OplogStore other = new OplogStore(objects, new ArtifactLayout(), key, "other", WriteOptions.HOT);
            OplogSlice slice = orders.put(List.of(entry(100, 1, "x")));
            Files.createDirectories(tmp.resolve("store/other/oplog"));
            Files.copy(tmp.resolve("store/orders/oplog/" + slice.name()), tmp.resolve("store/other/oplog/" + slice
                    .name()));

            assertThatThrownBy(() -> other.read(slice)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void namesFailureKindsAndBacksOffUpToTheMaximum() {
        OplogTailerSettings settings = OplogTailerSettings.of("orders", new StorageLocation("b", "orders/oplog/"));

        assertThat(OplogFailures.kind(new MongoSocketOpenException("refused", new ServerAddress("h", 1))))
                .isEqualTo(ArchiveFailure.SOURCE_UNAVAILABLE);
        assertThat(OplogFailures.kind(new IOException(new OplogStoreException("unable to store", null))))
                .isEqualTo(ArchiveFailure.STORE_UNAVAILABLE);
        assertThat(OplogFailures.kind(new IllegalStateException("other"))).isEqualTo(ArchiveFailure.OTHER);
        assertThat(OplogFailures.of("orders", new OplogGapException("orders", new OplogGap(new OplogPosition(1, 1),
                new OplogPosition(9, 1))), null, Instant.EPOCH).failure()).isEqualTo(ArchiveFailure.GAP);
        assertThat(settings.backoff(0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.backoff(9)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void letsTheSameReportThroughOncePerInterval() {
        MutableClock clock = new MutableClock();
        RepeatFilter filter = new RepeatFilter(Duration.ofMinutes(1), clock);

        assertThat(filter.pass("a")).isTrue();
        assertThat(filter.pass("a")).isFalse();
        assertThat(filter.pass("b")).isTrue();
        clock.now = clock.now.plusSeconds(61);
        assertThat(filter.pass("b")).isTrue();
    }

    static final class MutableClock extends java.time.Clock {
        Instant now = Instant.parse("2025-11-21T02:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
