package io.lifeboat.testkit.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoClientException;
import com.mongodb.MongoCommandException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.OperationType;
import com.mongodb.reactivestreams.client.ClientSession;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** Proves what mongo tests may rely on, and pins the limits that DESIGN.md lists, so a library upgrade shows them. */
class MongoServerIT {

    private final MongoServer server = MongoServer.shared();

    @Test
    void findsTheDocumentsThatWereInserted() throws Exception {
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            var targets = client.getDatabase("lifeboat").getCollection("targets");
            Publishers.all(targets.insertMany(List.of(
                    new Document("_id", "orders-db").append("engine", "postgres"),
                    new Document("_id", "cache").append("engine", "redis"))));

            List<Document> found = Publishers.all(targets.find(Filters.eq("engine", "postgres")));

            assertThat(found).extracting(d -> d.getString("_id")).containsExactly("orders-db");
            assertThat(found.get(0).getString("engine")).isEqualTo("postgres");
        }
    }

    @Test
    void deliversAnInsertToAChangeStreamOpenedBeforeIt() throws Exception {
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            var orders = client.getDatabase("lifeboat").getCollection("orders");
            var events = watch(orders, 1);
            int[] next = {42};

            ChangeStreamDocument<Document> event = writeUntilSeen(events, () -> Publishers.all(orders.insertOne(
                    new Document("_id", next[0]++).append("total", 99))));

            int id = event.getDocumentKey().getInt32("_id").getValue();
            assertThat(event.getOperationType()).isEqualTo(OperationType.INSERT);
            assertThat(id).isBetween(42, next[0] - 1);
            assertThat(event.getDocumentKey()).isEqualTo(new BsonDocument("_id", new BsonInt32(id)));
            assertThat(event.getFullDocument()).isEqualTo(new Document("_id", id).append("total", 99));
        }
    }

    @Test
    void reportsAReplaceAsAnUpdateWithoutUpdateDescription() throws Exception {
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            var orders = client.getDatabase("lifeboat").getCollection("replaced");
            Publishers.all(orders.insertOne(new Document("_id", 1).append("a", 1)));
            var events = watch(orders, 1);
            int[] next = {2};

            ChangeStreamDocument<Document> event = writeUntilSeen(events, () -> Publishers.all(orders.replaceOne(
                    Filters.eq("_id", 1), new Document("_id", 1).append("b", next[0]++))));

            assertThat(event.getOperationType()).isEqualTo(OperationType.UPDATE);
            assertThat(event.getUpdateDescription()).isNull();
        }
    }

    @Test
    void refusesSessionsSoTransactionsCannotBeUsed() throws Exception {
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            var orders = client.getDatabase("lifeboat").getCollection("transactional");
            try (ClientSession session = Publishers.one(client.startSession())) {
                session.startTransaction();

                assertThatThrownBy(() -> Publishers.all(orders.insertOne(session, new Document("_id", 9))))
                        .hasCauseInstanceOf(MongoClientException.class)
                        .hasMessageContaining("doesn't support sessions");
            }
            assertThat(Publishers.all(orders.find())).isEmpty();
        }
    }

    @Test
    void runsWithoutAReplicaSet() throws Exception {
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            var admin = client.getDatabase("admin");

            assertThatThrownBy(() -> Publishers.one(admin.runCommand(new Document("replSetGetStatus", 1))))
                    .cause().isInstanceOfSatisfying(MongoCommandException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo(76));
        }
    }

    @Test
    void failsAChangeStreamWhenTheOplogIsNotEnabled() throws Exception {
        var plain = new de.bwaldvogel.mongo.MongoServer(new MemoryBackend());
        try (MongoClient client = MongoClients.create(plain.bindAndGetConnectionString())) {
            var collection = client.getDatabase("lifeboat").getCollection("orders");

            assertThatThrownBy(() -> Publishers.take(collection.watch(), 1, Duration.ofSeconds(5)))
                    .hasCauseInstanceOf(MongoCommandException.class);
        } finally {
            plain.shutdownNow();
        }
    }

    /** A write the test repeats until the change stream sees one. */
    private interface Write {
        void run() throws Exception;
    }

    /**
     * Repeats {@code write} every half second until the stream delivers an event and returns the first: a change
     * stream only sees writes made after the server opened it, and when that happened is not observable here.
     */
    private static ChangeStreamDocument<Document> writeUntilSeen(
            CompletableFuture<List<ChangeStreamDocument<Document>>> events, Write write) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            write.run();
            try {
                return events.get(500, TimeUnit.MILLISECONDS).get(0);
            } catch (TimeoutException e) {
                assertThat(System.nanoTime()).as("an event within 20 s").isLessThan(deadline);
            }
        }
    }

    /** Opens the change stream on another thread; it may open a little later than this returns. */
    private static CompletableFuture<List<ChangeStreamDocument<Document>>> watch(MongoCollection<Document> coll,
            int count) throws Exception {
        CompletableFuture<List<ChangeStreamDocument<Document>>> events = CompletableFuture.supplyAsync(() -> {
            try {
                return Publishers.take(coll.watch(), count, Duration.ofSeconds(30));
            } catch (Exception e) {
                throw new IllegalStateException("change stream on " + coll.getNamespace() + " failed: " + e, e);
            }
        });
        Thread.sleep(300);
        return events;
    }
}
