package io.lifeboat.agent.mongo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import io.lifeboat.agent.mongo.engine.DumpMetadata;
import io.lifeboat.agent.mongo.engine.Pull;
import io.lifeboat.agentkit.agent.domain.BackupIds;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.agentkit.testing.AgentBus;
import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.backup.BackupStarted;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.BackupVerified;
import io.lifeboat.events.backup.RestoreCompleted;
import io.lifeboat.events.backup.RestoreFailed;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.backup.VerificationFailed;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.testkit.mongo.MongoServer;
import io.lifeboat.testkit.quarkus.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Dumps of an in-JVM MongoDB wire server through the agent, restored into other servers and verified in scratch
 * databases: collections, every document and the unique indexes come back the same.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(MongoAgentTestResource.class)
class MongoDumpRestoreIT {

    @Inject
    ArtifactPipeline pipeline;

    @Test
    void aDumpRestoresIntoAnotherServerWithTheSameCollectionsDocumentsAndUniqueIndexes() throws Exception {
        String source = MongoAgentTestResource.main.connectionString();
        MongoDataset.seed(source, "same");
        Map<String, List<String>> documents = MongoDataset.documents(source, "same");
        Map<String, List<String>> indexes = MongoDataset.indexes(source, "same");
        assertThat(documents).containsOnlyKeys("_shop.audit", "_shop.customers", "_shop.orders", "_crm.contacts");
        assertThat(documents.get("_shop.orders")).hasSize(MongoDataset.ORDERS);

        BackupCompleted completed = (BackupCompleted) MongoKafka.backup(MongoAgentTestResource.MAIN);

        Manifest manifest = pipeline.manifest(MongoAgentTestResource.MAIN, completed.backupId()).orElseThrow();
        assertThat(manifest.engineMetadata()).containsEntry("archiveFormat", "mongodump-archive-0.1")
                .containsEntry("pointConsistent", true).containsKeys("startPosition", "endPosition");
        assertThat(completed.endPosition()).isEqualTo(manifest.engineMetadata().get("endPosition"));
        assertThat(DumpMetadata.collections(manifest)).filteredOn(c -> c.db().equals("same_shop"))
                .extracting(c -> c.collection() + "=" + c.documents() + "/" + c.indexes())
                .containsExactly("audit=0/1", "customers=3/1", "orders=" + MongoDataset.ORDERS + "/3");
        try (MongoServer destination = MongoServer.start()) {
            Object restored = MongoKafka.restore(MongoAgentTestResource.MAIN, completed.backupId(),
                    destination.connectionString(), false);

            assertThat(restored).isInstanceOf(RestoreCompleted.class);
            assertThat(((RestoreCompleted) restored).restoredTo()).isEqualTo(completed.consistentAt());
            assertThat(((RestoreCompleted) restored).restoredToPosition()).isEqualTo(completed.endPosition());
            assertThat(((RestoreCompleted) restored).restoredBytes()).isPositive();
            assertThat(MongoDataset.documents(destination.connectionString(), "same")).isEqualTo(documents);
            assertThat(MongoDataset.indexes(destination.connectionString(), "same")).isEqualTo(indexes)
                    .containsEntry("_shop.orders", List.of("_id_ {\"_id\": 1} unique=false",
                            "customer_1_total_-1 {\"customer\": 1, \"total\": -1} unique=false",
                            "sku_1 {\"sku\": 1} unique=true"));
            assertUniqueIndexEnforced(destination.connectionString());
        }
    }

    @Test
    void aDumpIsVerifiedInScratchDatabasesThatAreDroppedAfterwards() throws Exception {
        String source = MongoAgentTestResource.main.connectionString();
        MongoDataset.seed(source, "verified");
        BackupCompleted completed = (BackupCompleted) MongoKafka.backup(MongoAgentTestResource.MAIN);

        Object verified = MongoKafka.verify(MongoAgentTestResource.MAIN, completed.backupId());

        assertThat(verified).isInstanceOf(BackupVerified.class);
        try (MongoClient client = MongoClients.create(source)) {
            assertThat(Pull.all(client.listDatabaseNames())).noneMatch(db -> db.startsWith("lifeboat_verify_"));
        }
    }

    @Test
    void aChangedPartFailsVerificationAndRestore() throws Exception {
        MongoDataset.seed(MongoAgentTestResource.main.connectionString(), "flipped");
        BackupCompleted completed = (BackupCompleted) MongoKafka.backup(MongoAgentTestResource.MAIN);
        Manifest manifest = pipeline.manifest(MongoAgentTestResource.MAIN, completed.backupId()).orElseThrow();
        Path part = MongoAgentTestResource.storeRoot.resolve(manifest.parts().get(0).key());
        byte[] bytes = Files.readAllBytes(part);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(part, bytes);

        Object verified = MongoKafka.verify(MongoAgentTestResource.MAIN, completed.backupId());
        assertThat(verified).isInstanceOf(VerificationFailed.class);
        assertThat(((VerificationFailed) verified).reason()).contains(manifest.parts().get(0).key());

        try (MongoServer destination = MongoServer.start()) {
            Object restored = MongoKafka.restore(MongoAgentTestResource.MAIN, completed.backupId(),
                    destination.connectionString(), false);
            assertThat(restored).isInstanceOf(RestoreFailed.class);
            assertThat(((RestoreFailed) restored).retryable()).isFalse();
        }
    }

    @Test
    void aRedeliveredCommandStoresOneBackup() throws Exception {
        Envelope<RunBackup> command = MongoKafka.runBackup(MongoAgentTestResource.MAIN, BackupType.FULL);

        String backupId = BackupIds.backupId(command.payload());

        MongoKafka.BUS.sendAndAwait(command);
        Manifest first = pipeline.manifest(MongoAgentTestResource.MAIN, backupId).orElseThrow();
        MongoKafka.BUS.sendAndAwait(command);

        List<Envelope<?>> facts = AgentBus.factsOf(command);
        assertThat(facts).filteredOn(f -> f.payload() instanceof BackupStarted).hasSize(1);
        List<BackupCompleted> completions = facts.stream().map(Envelope::payload)
                .filter(BackupCompleted.class::isInstance).map(BackupCompleted.class::cast).toList();
        assertThat(completions).hasSize(2).allSatisfy(c -> {
            assertThat(c.backupId()).isEqualTo(backupId);
            assertThat(c.sha256()).isEqualTo(first.sha256());
        });
        assertThat(pipeline.manifests(MongoAgentTestResource.MAIN)).filteredOn(m -> m.backupId().equals(backupId))
                .hasSize(1);
        assertThat(pipeline.manifest(MongoAgentTestResource.MAIN, backupId).orElseThrow()).isEqualTo(first);
    }

    @Test
    void aDestinationThatHoldsDocumentsIsOnlyReplacedWithOverwriteAndAPrefixRenamesTheDatabases() throws Exception {
        String source = MongoAgentTestResource.main.connectionString();
        MongoDataset.seed(source, "occupied");
        Map<String, List<String>> documents = MongoDataset.documents(source, "occupied");
        BackupCompleted completed = (BackupCompleted) MongoKafka.backup(MongoAgentTestResource.MAIN);
        String spare = MongoAgentTestResource.spare.connectionString();
        try (MongoClient client = MongoClients.create(spare)) {
            Pull.first(client.getDatabase("restored_occupied_shop").getCollection("orders")
                    .insertOne(new Document("_id", "someone-elses")));
        }

        Object refused = MongoKafka.restore(MongoAgentTestResource.MAIN, completed.backupId(),
                "target:" + MongoAgentTestResource.SPARE + "?prefix=restored_", false);

        assertThat(refused).isInstanceOf(RestoreFailed.class);
        assertThat(((RestoreFailed) refused).failedStep()).isEqualTo("destination");
        assertThat(((RestoreFailed) refused).reason()).contains("restored_occupied_shop.orders", "overwrite");
        assertThat(MongoDataset.documents(spare, "restored_occupied").get("_shop.orders"))
                .containsExactly("{\"_id\": \"someone-elses\"}");

        Object replaced = MongoKafka.restore(MongoAgentTestResource.MAIN, completed.backupId(),
                "target:" + MongoAgentTestResource.SPARE + "?prefix=restored_", true);

        assertThat(replaced).isInstanceOf(RestoreCompleted.class);
        assertThat(MongoDataset.documents(spare, "restored_occupied")).isEqualTo(documents);
    }

    private static void assertUniqueIndexEnforced(String uri) throws Exception {
        try (MongoClient client = MongoClients.create(uri)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Pull.first(client.getDatabase("same_shop")
                    .getCollection("orders").insertOne(new Document("_id", -1).append("sku", "SKU-7"))))
                    .hasMessageContaining("E11000");
        }
    }
}
