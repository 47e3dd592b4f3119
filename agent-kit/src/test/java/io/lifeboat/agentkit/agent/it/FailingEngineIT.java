package io.lifeboat.agentkit.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.lifeboat.agentkit.agent.domain.BackupIds;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.backup.BackupFailed;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.testkit.quarkus.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(AgentTestResource.class)
class FailingEngineIT {

    @Inject
    FakeBackupEngine engine;

    @Inject
    ArtifactPipeline pipeline;

    @Inject
    ObjectStore store;

    @Inject
    ArtifactLayout layout;

    @Test
    void emitsExactlyOneFailureNamingTargetBackupAndCauseAndLeavesNoObjectsWhenTheEngineFails() throws Exception {
        engine.failWith("failing-1", "disk of failing-1 vanished");
        Envelope<RunBackup> command = AgentKafka.runBackup("failing-1");
        String backupId = BackupIds.backupId(command.payload());

        AgentKafka.awaitCommitted(AgentKafka.send(command));

        List<Envelope<?>> outcomes = AgentKafka.facts(f -> f.correlationId().equals(command.correlationId())
                && (f.payload() instanceof BackupFailed || f.payload() instanceof BackupCompleted));
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).id()).isEqualTo(backupId + ".failed");
        BackupFailed failed = (BackupFailed) outcomes.get(0).payload();
        assertThat(failed.backupId()).isEqualTo(backupId);
        assertThat(failed.failedStep()).isEqualTo("read");
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.reason()).contains("failing-1", backupId, "disk of failing-1 vanished");
        assertThat(pipeline.manifest("failing-1", backupId)).isEmpty();
        assertThat(store.list(layout.backupPrefix("failing-1", backupId))).isEmpty();
    }
}
