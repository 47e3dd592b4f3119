package io.lifeboat.agent.mongo.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.events.backup.BackupFailed;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.testkit.quarkus.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Dumps that cannot succeed end in {@code BackupFailed} naming the target and the cause, and store no backup: a
 * server that cannot be reached, an unknown target and a backup type a dump cannot be.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(MongoAgentTestResource.class)
class MongoBackupFailuresIT {

    @Inject
    ArtifactPipeline pipeline;

    @Test
    void aServerThatCannotBeReachedFailsTheBackupNamingTheTarget() throws Exception {
        Object outcome = MongoKafka.backup(MongoAgentTestResource.REFUSED);

        assertThat(outcome).isInstanceOf(BackupFailed.class);
        BackupFailed failed = (BackupFailed) outcome;
        assertThat(failed.reason()).contains("target '" + MongoAgentTestResource.REFUSED + "'", "127.0.0.1");
        assertThat(failed.retryable()).isTrue();
        assertThat(pipeline.manifest(MongoAgentTestResource.REFUSED, failed.backupId())).isEmpty();
    }

    @Test
    void anUnknownTargetIsNamedWithTheConfigurationItIsMissingFrom() throws Exception {
        BackupFailed failed = (BackupFailed) MongoKafka.backup("nowhere");

        assertThat(failed.reason()).contains("unknown target 'nowhere': not configured in lifeboat.mongo.targets");
    }

    @Test
    void aBackupTypeThatADumpCannotBeIsRefused() throws Exception {
        BackupFailed failed = (BackupFailed) MongoKafka.outcome(MongoKafka.runBackup(MongoAgentTestResource.MAIN,
                BackupType.INCREMENTAL));

        assertThat(failed.reason()).contains("INCREMENTAL", "LOGICAL, FULL");
    }
}
