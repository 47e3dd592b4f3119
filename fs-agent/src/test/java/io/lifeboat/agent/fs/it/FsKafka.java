package io.lifeboat.agent.fs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import io.lifeboat.agentkit.testing.AgentBus;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.ExpireBackups;
import io.lifeboat.events.backup.RestoreBackup;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.backup.VerifyBackup;
import io.lifeboat.events.envelope.Envelope;

/** The fs-agent's commands as the tests send them, and their outcomes. */
final class FsKafka {

    static final AgentBus BUS = new AgentBus(FsAgentTestResource.GROUP);

    private FsKafka() {
    }

    /** Snapshots {@code targetId} and returns the outcome fact's payload (BackupCompleted or BackupFailed). */
    static Object backup(String targetId, BackupType type) throws Exception {
        return outcome(Envelope.of(Envelope.sourceOf("scheduler-service"), new RunBackup(UUID.randomUUID()
                .toString(), targetId, Engine.FILESYSTEM, type, "fs-agent-it", null, null, 1)));
    }

    /** Restores backup {@code backupId} of {@code targetId} into {@code destination}; returns the outcome. */
    static Object restore(String targetId, String backupId, String destination, boolean overwrite) throws Exception {
        return outcome(Envelope.of(Envelope.sourceOf("dr-orchestrator"), new RestoreBackup(UUID.randomUUID()
                .toString(), targetId, Engine.FILESYSTEM, backupId, null, null, null, null, null, null,
                destination, overwrite, "fs-agent-it", null, 1)));
    }

    /** Verifies backup {@code backupId} of {@code targetId}; returns the outcome. */
    static Object verify(String targetId, String backupId) throws Exception {
        return outcome(Envelope.of(Envelope.sourceOf("scheduler-service"), new VerifyBackup(UUID.randomUUID()
                .toString(), targetId, Engine.FILESYSTEM, backupId, "fs-agent-it", null, 1)));
    }

    /** Expires backups {@code backupIds} of {@code targetId}; returns the outcome. */
    static Object expire(String targetId, List<String> backupIds) throws Exception {
        return outcome(Envelope.of(Envelope.sourceOf("catalog-service"), new ExpireBackups(UUID.randomUUID()
                .toString(), targetId, Engine.FILESYSTEM, backupIds, "daily: keep 1", "catalog-service", null, 1)));
    }

    static Object outcome(Envelope<?> command) throws Exception {
        BUS.sendAndAwait(command);
        List<Envelope<?>> facts = AgentBus.factsOf(command);
        assertThat(facts).isNotEmpty();
        return facts.get(facts.size() - 1).payload();
    }
}
