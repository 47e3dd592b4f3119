package io.lifeboat.agent.mongo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import io.lifeboat.agent.mongo.testing.MidDumpTrigger;
import io.lifeboat.agent.mongo.testing.Targets;
import io.lifeboat.testkit.mongo.MongoServer;

/** The dumper against an in-JVM MongoDB wire server: a collection dropped while it is read fails the dump. */
class MongoDumperIT {

    @Test
    void aCollectionDroppedWhileItIsReadFailsTheDumpNamingIt() throws Exception {
        try (MongoServer server = MongoServer.start();
                MongoClient client = MongoClients.create(
                        server.connectionString())) {
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                documents.add(new Document("_id", i).append("payload", "x".repeat(100)));
            }
            Pull.first(client.getDatabase("doomed").getCollection("events").insertMany(documents));
            MongoTarget target = Targets.of("doomed-target", server.connectionString(), List.of(), 64);
            MidDumpTrigger out = new MidDumpTrigger(20_000,
                    () -> Pull.first(client.getDatabase("doomed").getCollection("events").drop()));

            // mongo-java-server's cursor goes on quietly after the drop: the check after the copy must catch it.
            assertThatThrownBy(() -> new MongoDumper(target, client).dump(out))
                    .isInstanceOf(MongoDumpException.class)
                    .hasMessageContaining("doomed.events").hasMessageContaining("target 'doomed-target'")
                    .hasMessageContaining("was dropped while it was dumped");
            assertThat(out.fired()).isTrue();
        }
    }

    @Test
    void aServerWithoutOplogGivesADumpThatSaysItIsNotPointConsistent() throws Exception {
        var server = new de.bwaldvogel.mongo.MongoServer(new de.bwaldvogel.mongo.backend.memory.MemoryBackend());
        try {
            var address = server.bind();
            String uri = "mongodb://127.0.0.1:" + address.getPort();
            try (MongoClient client = MongoClients.create(uri)) {
                Pull.first(client.getDatabase("plain").getCollection("c").insertOne(new Document("_id", 1)));
                var metadata = new MongoDumper(Targets.of("plain", uri, List.of(), 10), client).dump(
                        new java.io.ByteArrayOutputStream());

                assertThat(metadata).containsEntry("pointConsistent", false).doesNotContainKeys("startPosition",
                        "endPosition");
                assertThat(metadata.get("consistency").toString()).contains("not point-consistent");
            }
        } finally {
            server.shutdownNow();
        }
    }
}
