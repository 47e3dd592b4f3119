package io.lifeboat.agent.redis.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import io.lifeboat.agentkit.agent.domain.BackupIds;
import io.lifeboat.agentkit.testing.AgentBus;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.RestoreBackup;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.backup.VerifyBackup;
import io.lifeboat.events.envelope.Envelope;

/** The redis-agent's commands as the tests send them, and their outcomes. */
final class RedisKafka {

    static final AgentBus BUS = new AgentBus(RedisAgentTestResource.GROUP);

    private RedisKafka() {
    }

    static Envelope<RunBackup> runBackup(String targetId, BackupType type) {
        return Envelope.of(Envelope.sourceOf("scheduler-service"), new RunBackup(UUID.randomUUID().toString(),
                targetId, Engine.REDIS, type, "redis-agent-it", null, null, 1));
    }

    /** Backs up {@code targetId} and returns the outcome fact's payload (BackupCompleted or BackupFailed). */
    static Object backup(String targetId) throws Exception {
        Envelope<RunBackup> command = runBackup(targetId, BackupType.FULL);
        BUS.sendAndAwait(command);
        List<Envelope<?>> facts = AgentBus.factsOf(command);
        assertThat(facts).isNotEmpty();
        return facts.get(facts.size() - 1).payload();
    }

    /** The id of the backup {@code command} asked for. */
    static String backupId(Envelope<RunBackup> command) {
        return BackupIds.backupId(command.payload());
    }

    /** Restores backup {@code backupId} of {@code targetId} into {@code destination}; returns the outcome. */
    static Object restore(String targetId, String backupId, String destination, boolean overwrite) throws Exception {
        Envelope<RestoreBackup> command = Envelope.of(Envelope.sourceOf("dr-orchestrator"), new RestoreBackup(
                UUID.randomUUID().toString(), targetId, Engine.REDIS, backupId, null, null, null, null, null, null,
                destination, overwrite, "redis-agent-it", null, 1));
        return outcome(command);
    }

    /** Verifies backup {@code backupId} of {@code targetId}; returns the outcome. */
    static Object verify(String targetId, String backupId) throws Exception {
        return outcome(Envelope.of(Envelope.sourceOf("scheduler-service"), new VerifyBackup(
                UUID.randomUUID().toString(), targetId, Engine.REDIS, backupId, "redis-agent-it", null, 1)));
    }

    private static Object outcome(Envelope<?> command) throws Exception {
        BUS.sendAndAwait(command);
        List<Envelope<?>> facts = AgentBus.factsOf(command);
        assertThat(facts).isNotEmpty();
        return facts.get(facts.size() - 1).payload();
    }
}
