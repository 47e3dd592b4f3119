package io.lifeboat.agent.mongo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.lifeboat.agentkit.testing.AgentBus;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.RestoreBackup;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.backup.VerifyBackup;
import io.lifeboat.events.envelope.Envelope;

/** The mongo-agent's commands as the tests send them, and their outcomes. */
final class MongoKafka {

    static final AgentBus BUS = new AgentBus(MongoAgentTestResource.GROUP);

    private MongoKafka() {
    }

    static Envelope<RunBackup> runBackup(String targetId, BackupType type) {
        return Envelope.of(Envelope.sourceOf("scheduler-service"), new RunBackup(UUID.randomUUID().toString(),
                targetId, Engine.MONGODB, type, "mongo-agent-it", null, null, 1));
    }

    /** Backs up {@code targetId} and returns the outcome fact's payload (BackupCompleted or BackupFailed). */
    static Object backup(String targetId) throws Exception {
        return outcome(runBackup(targetId, BackupType.LOGICAL));
    }

    /** Restores backup {@code backupId} of {@code targetId} into {@code destination}; returns the outcome. */
    static Object restore(String targetId, String backupId, String destination, boolean overwrite) throws Exception {
        return outcome(Envelope.of(Envelope.sourceOf("dr-orchestrator"), new RestoreBackup(
                UUID.randomUUID().toString(), targetId, Engine.MONGODB, backupId, null, null, null, null, null, null,
                destination, overwrite, "mongo-agent-it", null, 1)));
    }

    /**
     * Restores {@code targetId} to {@code pointInTime}, or to its latest archived point when that is null, from the
     * backup the agent picks (or {@code backupId}); returns the outcome.
     */
    static Object restoreTo(String targetId, String backupId, Instant pointInTime, String destination)
            throws Exception {
        return outcome(Envelope.of(Envelope.sourceOf("dr-orchestrator"), new RestoreBackup(
                UUID.randomUUID().toString(), targetId, Engine.MONGODB, backupId, pointInTime, null, null, null,
                pointInTime == null ? Boolean.TRUE : null, null, destination, false, "mongo-agent-it", null, 1)));
    }

    /** Verifies backup {@code backupId} of {@code targetId}; returns the outcome. */
    static Object verify(String targetId, String backupId) throws Exception {
        return outcome(Envelope.of(Envelope.sourceOf("scheduler-service"), new VerifyBackup(
                UUID.randomUUID().toString(), targetId, Engine.MONGODB, backupId, "mongo-agent-it", null, 1)));
    }

    static Object outcome(Envelope<?> command) throws Exception {
        BUS.sendAndAwait(command);
        List<Envelope<?>> facts = AgentBus.factsOf(command);
        assertThat(facts).isNotEmpty();
        return facts.get(facts.size() - 1).payload();
    }
}
