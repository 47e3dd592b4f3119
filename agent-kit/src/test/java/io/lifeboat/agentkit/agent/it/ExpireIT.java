package io.lifeboat.agentkit.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.lifeboat.agentkit.agent.domain.BackupIds;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.WriteOptions;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupsExpired;
import io.lifeboat.events.backup.ExpireBackups;
import io.lifeboat.events.backup.ExpireFailed;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.testkit.quarkus.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** {@code ExpireBackups} deletes exactly the named backups, reports the bytes released and is safe to redeliver. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(AgentTestResource.class)
class ExpireIT {

    private static final String TARGET = "expiring-1";
    private static final String LATE = "expiring-2";

    @Inject
    ArtifactPipeline pipeline;

    @Inject
    ObjectStore store;

    @Inject
    ArtifactLayout layout;

    @Test
    void deletesTheNamedBackupsWholeKeepsTheOthersAndReportsTheBytesReleasedOnce() throws Exception {
        String older = backup(TARGET);
        String newer = backup(TARGET);
        Manifest expiring = pipeline.manifest(TARGET, older).orElseThrow();
        // A leftover part of an attempt that never completed is released with its backup's prefix.
        store.put(layout.backupPrefix(TARGET, older) + "part-999999", new byte[123],
                WriteOptions.HOT);
        Envelope<ExpireBackups> command = expire(TARGET, List.of(older, "bk-000000000000000000000000"), null);

        AgentKafka.awaitCommitted(AgentKafka.send(command));
        AgentKafka.awaitCommitted(AgentKafka.send(command));

        List<Envelope<?>> outcomes = AgentKafka.facts(f -> f.correlationId().equals(command.correlationId()));
        assertThat(outcomes).isNotEmpty().allSatisfy(f -> assertThat(f.payload()).isInstanceOf(
                BackupsExpired.class)).allSatisfy(f -> assertThat(f.id()).isEqualTo(outcomes.get(0).id()));
        BackupsExpired expired = (BackupsExpired) outcomes.get(0).payload();
        assertThat(expired.backupIds()).containsExactly(older, "bk-000000000000000000000000");
        long manifestBytes = store.list(layout.targetRoot(TARGET)).stream().filter(o -> o.key().equals(layout
                .manifest(TARGET, newer))).findFirst().orElseThrow().size();
        assertThat(expired.freedBytes()).isGreaterThan(expiring.sizes().stored() + 123)
                .isLessThan(expiring.sizes().stored() + 123 + manifestBytes * 2);
        assertThat(store.list(layout.backupPrefix(TARGET, older))).isEmpty();
        assertThat(pipeline.manifests(TARGET)).extracting(Manifest::backupId).containsExactly(newer);
    }

    @Test
    void anExpiryPastItsDeadlineDeletesNothingAndSaysSo() throws Exception {
        String kept = backup(LATE);
        Envelope<ExpireBackups> command = expire(LATE, List.of(kept), Instant.now().minusSeconds(60));

        AgentKafka.awaitCommitted(AgentKafka.send(command));

        List<Envelope<?>> outcomes = AgentKafka.facts(f -> f.correlationId().equals(command.correlationId()));
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).trace().traceId()).isEqualTo(command.trace().traceId());
        ExpireFailed failed = (ExpireFailed) outcomes.get(0).payload();
        assertThat(failed.failedStep()).isEqualTo("schedule");
        assertThat(failed.reason()).contains("target '" + LATE + "'").contains("deadline");
        assertThat(failed.expiredBackupIds()).isEmpty();
        assertThat(failed.remainingBackupIds()).containsExactly(kept);
        assertThat(pipeline.manifest(LATE, kept)).isPresent();
    }

    private static String backup(String target) throws Exception {
        Envelope<RunBackup> command = AgentKafka.runBackup(target);
        AgentKafka.awaitCommitted(AgentKafka.send(command));
        return BackupIds.backupId(command.payload());
    }

    private static Envelope<ExpireBackups> expire(String target, List<String> backupIds, Instant deadline) {
        return Envelope.of(Envelope.sourceOf("catalog-service"), new ExpireBackups(UUID.randomUUID().toString(),
                target, Engine.FILESYSTEM, backupIds, "daily: keep 1", "catalog-service", deadline, 1));
    }
}
