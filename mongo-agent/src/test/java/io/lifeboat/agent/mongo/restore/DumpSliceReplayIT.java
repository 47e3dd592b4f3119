package io.lifeboat.agent.mongo.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import io.lifeboat.agent.mongo.engine.MongoDumper;
import io.lifeboat.agent.mongo.engine.Pull;
import io.lifeboat.agent.mongo.oplog.OplogPosition;
import io.lifeboat.agent.mongo.testing.MidDumpTrigger;
import io.lifeboat.agent.mongo.testing.Targets;
import io.lifeboat.testkit.mongo.MongoServer;

/**
 * Writes made while a dump runs (to documents already read, not yet read, and to a collection not yet reached) are
 * in the dump's oplog slice; restoring the dump and replaying the slice gives the source's state at the dump's end.
 */
class DumpSliceReplayIT {

    @Test
    void writesDuringTheDumpAreReplayedSoThatTheRestoreMatchesTheSourceAtTheEnd() throws Exception {
        try (MongoServer source = MongoServer.start();
                MongoServer destination = MongoServer.start();
                MongoClient client = MongoClients.create(source.connectionString());
                MongoClient restored = MongoClients.create(destination.connectionString())) {
            var orders = client.getDatabase("live").getCollection("orders");
            var zeta = client.getDatabase("live").getCollection("zeta");
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                documents.add(new Document("_id", i).append("state", "new").append("pad", "p".repeat(50)));
            }
            Pull.first(orders.insertMany(documents));
            Pull.first(zeta.insertOne(new Document("_id", "z0")));
            MidDumpTrigger out = new MidDumpTrigger(30_000, () -> {
                Pull.first(orders.updateOne(Filters.eq("_id", 0), Updates.set("state", "paid")));
                Pull.first(orders.replaceOne(Filters.eq("_id", 1), new Document("state", "replaced")));
                Pull.first(orders.deleteOne(Filters.eq("_id", 2)));
                Pull.first(orders.updateOne(Filters.eq("_id", 2_998), Updates.unset("pad")));
                Pull.first(orders.deleteOne(Filters.eq("_id", 2_999)));
                Pull.first(orders.insertOne(new Document("_id", 5_000).append("state", "late")));
                Pull.first(zeta.insertOne(new Document("_id", "z1")));
            });

            Map<String, Object> metadata = new MongoDumper(Targets.of("live", source.connectionString(),
                    List.of("live"), 100), client).dump(out);

            assertThat(out.fired()).isTrue();
            assertThat(metadata).containsEntry("pointConsistent", true).containsEntry("oplogEntries", 7L);
            ArchiveLoader.Loaded loaded = new ArchiveLoader(restored, db -> db, "destination").load(
                    new ByteArrayInputStream(out.toByteArray()), false, true, null);
            assertThat(loaded.oplogApplied()).isEqualTo(7);
            assertThat(loaded.reached()).isEqualTo(OplogPosition.parse(metadata.get("endPosition").toString()));
            assertThat(state(restored, "orders")).isEqualTo(state(client, "orders"));
            assertThat(state(restored, "zeta")).isEqualTo(state(client, "zeta")).hasSize(2);
            assertThat(state(restored, "orders").get(0)).contains("paid");
        }
    }

    private static List<String> state(MongoClient client, String collection) throws Exception {
        return Pull.all(client.getDatabase("live").getCollection(collection).find().sort(Sorts.ascending("_id")))
                .stream().map(Document::toJson).toList();
    }
}
