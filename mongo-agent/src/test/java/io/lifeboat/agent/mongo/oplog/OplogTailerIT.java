package io.lifeboat.agent.mongo.oplog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;

import io.lifeboat.agentkit.crypto.LocalKeyFileMasterKey;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.LocalObjectStore;
import io.lifeboat.agentkit.storage.WriteOptions;
import io.lifeboat.events.archive.ArchiveFailed;
import io.lifeboat.events.archive.ArchiveFailure;
import io.lifeboat.events.archive.ArchiveProgressed;
import io.lifeboat.events.backup.StorageLocation;
import io.lifeboat.testkit.mongo.MongoServer;

/** Continuous capture of mongo-java-server's {@code local.oplog.rs} into an encrypted local object store. */
class OplogTailerIT {

    private static final String TARGET = "orders-mongo";

    @TempDir
    Path tmp;

    private MongoServer server;
    private MongoClient client;
    private LocalObjectStore objects;
    private OplogStore store;
    private final Facts facts = new Facts();
    private final List<OplogTailer> tailers = new ArrayList<>();

    static final class Facts implements OplogFacts {
        final List<ArchiveProgressed> progress = new CopyOnWriteArrayList<>();
        final List<ArchiveFailed> failures = new CopyOnWriteArrayList<>();

        @Override
        public void progressed(ArchiveProgressed report) {
            progress.add(report);
        }

        @Override
        public void failed(ArchiveFailed failure) {
            failures.add(failure);
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = MongoServer.start();
        client = MongoClients.create(server.connectionString());
        objects = new LocalObjectStore(tmp.resolve("store"));
        store = new OplogStore(objects, new ArtifactLayout(), LocalKeyFileMasterKey.openOrCreate(tmp.resolve(
                "master.key")), TARGET, WriteOptions.HOT);
    }

    @AfterEach
    void stop() throws IOException {
        tailers.forEach(OplogTailer::close);
        client.close();
        server.close();
        objects.close();
    }

    private OplogTailerSettings settings() {
        return OplogTailerSettings.of(TARGET, new StorageLocation(tmp.toString(), "orders-mongo/oplog/")).withFlush(
                Duration.ofMillis(300), 1000).withTiming(Duration.ofMillis(100), Duration.ofMillis(200),
                        Duration
                                .ofSeconds(1));
    }

    private OplogTailer tail(OplogTailerSettings settings, MongoClient source) {
        OplogTailer tailer = new OplogTailer(settings, source, store, facts, Clock.systemUTC());
        tailers.add(tailer);
        tailer.start();
        return tailer;
    }

    private MongoCollection<BsonDocument> orders() {
        return client.getDatabase("shop").getCollection("orders", BsonDocument.class);
    }

    private void insert(int id) {
        Publishers.all(orders().insertOne(BsonDocument.parse("{_id: " + id + ", marker: 'PLAINTEXT-MARKER-" + id
                + "'}")));
    }

    private List<RawBsonDocument> oplog() {
        return Publishers.all(client.getDatabase("local").getCollection("oplog.rs", RawBsonDocument.class).find()
                .sort(BsonDocument.parse("{$natural: 1}")));
    }

    private List<RawBsonDocument> stored() throws IOException {
        List<RawBsonDocument> all = new ArrayList<>();
        for (OplogSlice slice : store.slices()) {
            all.addAll(store.read(slice));
        }
        return all;
    }

    private static List<OplogPosition> positions(List<? extends BsonDocument> entries) {
        return entries.stream().map(OplogEntries::ts).toList();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private boolean storedEqualsOplog() {
        try {
            return positions(stored()).equals(positions(oplog()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void capturesInsertsAndDeletesIntoEncryptedSlicesAndReportsTheTip() throws Exception {
        OplogTailer tailer = tail(settings(), client);
        insert(1);
        insert(2);
        Publishers.all(orders().deleteOne(BsonDocument.parse("{_id: 1}")));

        await("every oplog entry stored", () -> oplog().size() == 3 && storedEqualsOplog());

        List<RawBsonDocument> stored = stored();
        assertThat(stored).extracting(OplogEntries::op).containsExactly("i", "i", "d");
        assertThat(stored).extracting(e -> e.getDocument("o").get("_id").asInt32().getValue()).containsExactly(1, 2, 1);
        assertThat(stored.get(0)).isEqualTo(oplog().get(0));
        await("progress at the tip", () -> !facts.progress.isEmpty() && facts.progress.get(facts.progress.size() - 1)
                .archivedPosition().equals(OplogEntries.ts(stored.get(2)).toString()));
        ArchiveProgressed last = facts.progress.get(facts.progress.size() - 1);
        assertThat(last.archivedCommitTime()).isEqualTo(OplogEntries.wall(stored.get(2)));
        assertThat(last.headPosition()).isEqualTo(last.archivedPosition());
        assertThat(last.segment()).isEqualTo(store.newest().orElseThrow().name());
        assertThat(facts.failures).isEmpty();
        // mongo-java-server 1.47.0 ends tailable cursors after the present entries: the tailer polls.
        assertThat(tailer.mode()).isEqualTo(OplogTailer.Mode.POLLING);
        try (Stream<Path> files = Files.walk(tmp.resolve("store"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain(
                        "PLAINTEXT-MARKER");
            }
        }
    }

    @Test
    void resumesAfterARestartWithoutLosingOrRepeatingAnEntry() throws Exception {
        OplogTailer first = tail(settings(), client);
        insert(1);
        insert(2);
        await("first entries stored", () -> oplog().size() == 2 && storedEqualsOplog());
        first.close();
        List<OplogSlice> before = store.slices();

        insert(3);
        Publishers.all(orders().deleteOne(BsonDocument.parse("{_id: 2}")));
        insert(4);
        tail(settings(), client);

        await("every entry stored", () -> oplog().size() == 5 && storedEqualsOplog());
        assertThat(store.slices()).startsWith(before.toArray(OplogSlice[]::new));
        assertThat(positions(stored())).doesNotHaveDuplicates().isSorted();
        assertThat(stored()).extracting(OplogEntries::op).containsExactly("i", "i", "i", "d", "i");
        assertThat(store.gaps()).isEmpty();
        assertThat(facts.failures).isEmpty();
    }

    @Test
    void storesASliceEveryFlushEntriesAndTheRestOnClose() throws Exception {
        OplogTailer tailer = tail(settings().withFlush(Duration.ofHours(1), 2), client);
        for (int id = 1; id <= 5; id++) {
            insert(id);
        }

        await("two full slices", () -> {
            try {
                return store.slices().size() == 2;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(store.slices()).allSatisfy(slice -> assertThat(store.read(slice)).hasSize(2));
        tailer.close();

        assertThat(store.slices()).hasSize(3);
        assertThat(positions(stored())).isEqualTo(positions(oplog()));
    }

    @Test
    void reportsAGapWhenTheOplogNoLongerHoldsTheStoredTipAndCapturesOnFromTheOldestEntry() throws Exception {
        insert(1);
        // A tip older than anything the server still has: what a rolled-over oplog looks like to the tailer.
        store.put(List.of(RawBsonDocument.parse(
                "{ts: {$timestamp: {t: 1000, i: 1}}, op: 'n', ns: '', o: {msg: 'before the hole'}}")));
        OplogPosition oldest = OplogEntries.ts(oplog().get(0));

        tail(settings(), client);
        insert(2);

        await("the gap reported", () -> !facts.failures.isEmpty());
        ArchiveFailed gap = facts.failures.get(0);
        assertThat(gap.failure()).isEqualTo(ArchiveFailure.GAP);
        assertThat(gap.archivedPosition()).isEqualTo("1000:1");
        assertThat(gap.missingFrom()).isEqualTo("1000:1");
        assertThat(gap.missingTo()).isEqualTo(oldest.toString());
        assertThat(gap.reason()).contains("1000:1").contains(oldest.toString());
        assertThat(store.gaps()).containsExactly(new OplogGap(new OplogPosition(1000, 1), oldest));

        await("capture goes on after the gap", () -> {
            try {
                return positions(stored()).size() == 3 && positions(stored()).subList(1, 3).equals(positions(
                        oplog()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        OplogReplay replay = new OplogReplay(new OplogApplier(client));
        assertThatThrownBy(() -> replay.replay(store, new OplogPosition(999, 0), OplogReplay.Until.position(
                OplogEntries.ts(oplog().get(1))))).isInstanceOf(OplogGapException.class).hasMessageContaining(
                        "1000:1")
                .hasMessageContaining(oldest.toString());
    }

    @Test
    void replayToATimeBetweenTwoInsertsRestoresExactlyTheFirst() throws Exception {
        tail(settings(), client);
        insert(1);
        Thread.sleep(200);
        insert(2);
        await("both inserts stored", () -> oplog().size() == 2 && storedEqualsOplog());
        Instant first = OplogEntries.wall(oplog().get(0));
        Instant second = OplogEntries.wall(oplog().get(1));
        assertThat(second).isAfter(first.plusMillis(100));
        Instant between = first.plus(Duration.between(first, second).dividedBy(2));

        try (MongoServer destination = MongoServer.start();
                MongoClient restored = MongoClients.create(destination.connectionString())) {
            OplogReplay.Result result = new OplogReplay(new OplogApplier(restored)).replay(store, new OplogPosition(
                    0, 0), OplogReplay.Until.time(between));

            assertThat(result.applied()).isEqualTo(1);
            assertThat(result.reachedTarget()).isTrue();
            assertThat(result.lastApplied()).contains(OplogEntries.ts(oplog().get(0)));
            assertThat(Publishers.all(restored.getDatabase("shop").getCollection("orders", BsonDocument.class)
                    .find())).containsExactly(BsonDocument.parse("{_id: 1, marker: 'PLAINTEXT-MARKER-1'}"));
        }
    }

    @Test
    void reportsAnUnreachableSourceOnceAndKeepsRetrying() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (MongoClient nowhere = MongoClients.create(MongoClientSettings.builder().applyConnectionString(
                new ConnectionString("mongodb://127.0.0.1:" + port)).applyToClusterSettings(
                        c -> c
                                .serverSelectionTimeout(200, TimeUnit.MILLISECONDS))
                .build())) {
            tail(settings(), nowhere);

            await("the failure reported", () -> !facts.failures.isEmpty());
            Thread.sleep(1500);

            assertThat(facts.failures).hasSize(1);
            ArchiveFailed failed = facts.failures.get(0);
            assertThat(failed.failure()).isEqualTo(ArchiveFailure.SOURCE_UNAVAILABLE);
            assertThat(failed.retrying()).isTrue();
            assertThat(failed.reason()).contains("'" + TARGET + "'").contains("127.0.0.1:" + port);
            assertThat(store.slices()).isEmpty();
        }
    }

}
