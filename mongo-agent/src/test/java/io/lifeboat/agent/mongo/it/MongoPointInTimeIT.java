package io.lifeboat.agent.mongo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.bson.BsonTimestamp;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import io.lifeboat.agent.mongo.engine.Pull;
import io.lifeboat.agent.mongo.oplog.OplogPosition;
import io.lifeboat.agent.mongo.oplog.OplogSlice;
import io.lifeboat.agent.mongo.oplog.OplogStore;
import io.lifeboat.agentkit.crypto.MasterKey;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.WriteOptions;
import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.backup.RestoreCompleted;
import io.lifeboat.events.backup.RestoreFailed;
import io.lifeboat.testkit.mongo.MongoServer;
import io.lifeboat.testkit.quarkus.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Point-in-time restores through {@code RestoreBackup}: a dump of target {@code live}, whose oplog the agent captures
 * continuously, then two inserts far enough apart in time; a restore to a time between them holds exactly the
 * first, a restore to the latest archived point holds both, and points the archive cannot reach fail with reasons.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(MongoAgentTestResource.class)
class MongoPointInTimeIT {

    private static final String DB = "pit";

    @Inject
    ObjectStore objects;

    @Inject
    MasterKey masterKey;

    private static BackupCompleted dump;
    private static Entry first;
    private static Entry second;

    /** An oplog entry's position and wall clock time, as the source wrote it. */
    private record Entry(OplogPosition position, Instant wall) {
    }

    @BeforeAll
    static void dumpThenInsertTwice() throws Exception {
        try (MongoClient client = MongoClients.create(MongoAgentTestResource.live.connectionString())) {
            var events = client.getDatabase(DB).getCollection("events");
            Pull.first(events.insertOne(new Document("_id", 0).append("n", "before the dump")));
            dump = (BackupCompleted) MongoKafka.backup(MongoAgentTestResource.LIVE);
            // A restore to the dump's own end must hold none of the later writes.
            Thread.sleep(1100);
            Pull.first(events.insertOne(new Document("_id", 1).append("n", "first")));
            first = newest(client);
            // mongo-java-server stamps entries with wall clock milliseconds; leave a clear second between the two.
            Thread.sleep(1200);
            Pull.first(events.insertOne(new Document("_id", 2).append("n", "second")));
            second = newest(client);
        }
    }

    @Test
    void aRestoreToATimeBetweenTwoInsertsHoldsExactlyTheFirst() throws Exception {
        awaitArchived(second.position());
        Instant between = first.wall().plusMillis(600);
        assertThat(second.wall()).isAfter(between);

        try (MongoServer destination = MongoServer.start()) {
            Object outcome = MongoKafka.restoreTo(MongoAgentTestResource.LIVE, null, between,
                    destination.connectionString());

            assertThat(outcome).isInstanceOf(RestoreCompleted.class);
            RestoreCompleted completed = (RestoreCompleted) outcome;
            assertThat(completed.backupId()).isEqualTo(dump.backupId());
            assertThat(completed.restoredToPosition()).isEqualTo(first.position().toString());
            assertThat(completed.restoredTo()).isEqualTo(first.wall());
            assertThat(completed.restoredCounts()).containsEntry("documents", 1L).containsEntry("collections", 1L);
            assertThat(names(destination)).containsExactly("before the dump", "first");
        }
    }

    @Test
    void aRestoreToTheLatestArchivedPointHoldsBothInserts() throws Exception {
        awaitArchived(second.position());
        try (MongoServer destination = MongoServer.start()) {
            Object outcome = MongoKafka.restoreTo(MongoAgentTestResource.LIVE, null, null, destination
                    .connectionString());

            assertThat(outcome).isInstanceOf(RestoreCompleted.class);
            assertThat(((RestoreCompleted) outcome).restoredToPosition()).isEqualTo(second.position().toString());
            assertThat(names(destination)).containsExactly("before the dump", "first", "second");
        }
    }

    @Test
    void aRestoreOfTheDumpAloneStopsAtItsEnd() throws Exception {
        try (MongoServer destination = MongoServer.start()) {
            Object outcome = MongoKafka.restore(MongoAgentTestResource.LIVE, dump.backupId(), destination
                    .connectionString(), false);

            assertThat(outcome).isInstanceOf(RestoreCompleted.class);
            assertThat(((RestoreCompleted) outcome).restoredToPosition()).isEqualTo(dump.endPosition());
            assertThat(names(destination)).containsExactly("before the dump");
        }
    }

    @Test
    void aPointPastTheArchivedOplogFailsNamingWhereTheArchiveEnds() throws Exception {
        awaitArchived(second.position());
        try (MongoServer destination = MongoServer.start()) {
            Object outcome = MongoKafka.restoreTo(MongoAgentTestResource.LIVE, null, Instant.now().plus(Duration
                    .ofHours(1)), destination.connectionString());

            assertThat(outcome).isInstanceOf(RestoreFailed.class);
            RestoreFailed failed = (RestoreFailed) outcome;
            assertThat(failed.failedStep()).isEqualTo("replay");
            assertThat(failed.reason()).contains("target 'live'").contains("ends at").contains("recoverToLatest");
            assertThat(names(destination)).doesNotContain("first", "second");
        }
    }

    @Test
    void aPointBeforeTheNamedDumpsEndIsRefused() throws Exception {
        try (MongoServer destination = MongoServer.start()) {
            Object outcome = MongoKafka.restoreTo(MongoAgentTestResource.LIVE, dump.backupId(), dump.consistentAt()
                    .minusSeconds(5), destination.connectionString());

            assertThat(outcome).isInstanceOf(RestoreFailed.class);
            assertThat(((RestoreFailed) outcome).failedStep()).isEqualTo("recovery-target");
            assertThat(((RestoreFailed) outcome).reason()).contains(dump.backupId()).contains("lies before it");
        }
    }

    private void awaitArchived(OplogPosition position) throws Exception {
        OplogStore store = new OplogStore(objects, new ArtifactLayout(), masterKey, MongoAgentTestResource.LIVE,
                WriteOptions.HOT);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!store.newest().map(OplogSlice::last).map(last -> last.compareTo(position) >= 0).orElse(false)) {
            assertThat(System.nanoTime()).as("capture archived " + position + " within 30 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static Entry newest(MongoClient client) throws Exception {
        Document entry = Pull.first(client.getDatabase("local").getCollection("oplog.rs").find(Filters.eq("ns", DB
                + ".events")).sort(Sorts.descending("$natural")).limit(1));
        return new Entry(OplogPosition.of(entry.get("ts", BsonTimestamp.class)), entry.getDate("wall").toInstant());
    }

    private static List<String> names(MongoServer server) throws Exception {
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            return Pull.all(client.getDatabase(DB).getCollection("events").find().sort(Sorts.ascending("_id")))
                    .stream().map(d -> d.getString("n")).toList();
        }
    }
}
