package io.lifeboat.agentkit.agent.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.InputStream;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.lifeboat.agentkit.agent.domain.BackupIds;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.backup.BackupProgressed;
import io.lifeboat.events.backup.BackupStarted;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.testkit.quarkus.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(AgentTestResource.class)
class BackupHappyPathIT {

    @Inject
    ArtifactPipeline pipeline;

    @Test
    void emitsStartedThenCompletedMatchingTheManifestAndTheArtifactRestoresTheEnginesBytes() throws Exception {
        Envelope<RunBackup> command = AgentKafka.runBackup("happy-1");
        String backupId = BackupIds.backupId(command.payload());

        AgentKafka.awaitCommitted(AgentKafka.send(command));

        List<Envelope<?>> facts = AgentKafka.facts(f -> f.correlationId().equals(command.correlationId()));
        assertThat(facts).isNotEmpty().allSatisfy(f -> assertThat(f.causationId()).isEqualTo(command.id()));
        // One trace from command to outcome, each fact a span of its own under it.
        assertThat(facts).allSatisfy(f -> assertThat(f.trace().traceId()).isEqualTo(command.trace().traceId()));
        assertThat(facts).extracting(f -> f.trace().spanId()).doesNotHaveDuplicates()
                .doesNotContain(command.trace().spanId());
        assertThat(facts.get(0).payload()).isInstanceOf(BackupStarted.class);
        assertThat(facts.subList(1, facts.size() - 1)).allSatisfy(
                f -> assertThat(f.payload()).isInstanceOf(BackupProgressed.class));
        Envelope<?> last = facts.get(facts.size() - 1);
        assertThat(last.id()).isEqualTo(backupId + ".completed");
        BackupCompleted completed = (BackupCompleted) last.payload();

        Manifest manifest = pipeline.manifest("happy-1", backupId).orElseThrow();
        assertThat(completed.backupId()).isEqualTo(backupId);
        assertThat(completed.commandId()).isEqualTo(command.payload().commandId());
        assertThat(completed.rawBytes()).isEqualTo(manifest.sizes().raw()).isEqualTo(FakeBackupEngine.SIZE);
        assertThat(completed.storedBytes()).isEqualTo(manifest.sizes().stored());
        assertThat(completed.sha256()).isEqualTo(manifest.sha256());
        assertThat(completed.storageClass()).isEqualTo(manifest.storageClass().name());
        assertThat(completed.startPosition()).isEqualTo("fake-0");
        assertThat(completed.location().prefix()).isEqualTo("happy-1/" + backupId + "/");
        try (InputStream restored = pipeline.openForRestore("happy-1", backupId)) {
            assertThat(restored.readAllBytes()).isEqualTo(FakeBackupEngine.bytes("happy-1"));
        }

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("lifeboat_backup_bytes_sum{engine=\"filesystem\",target=\"happy-1\"}"))
                .body(containsString("lifeboat_backup_duration_seconds_count{engine=\"filesystem\","
                        + "outcome=\"completed\",target=\"happy-1\"}"));
        given().get("/q/health/ready").then().statusCode(200).body(containsString("lifeboat-agent"));
    }
}
