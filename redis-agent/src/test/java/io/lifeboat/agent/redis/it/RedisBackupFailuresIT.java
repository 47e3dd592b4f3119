package io.lifeboat.agent.redis.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.lifeboat.agent.redis.testing.RespCommands;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.testing.AgentBus;
import io.lifeboat.events.backup.BackupFailed;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.testkit.process.Await;
import io.lifeboat.testkit.quarkus.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Snapshots that cannot succeed end in {@code BackupFailed} with a specific reason and leave no completed backup:
 * a wrong password, a user without replication rights, nothing listening, a source killed mid-transfer, an RDB
 * with a wrong CRC-64 or cut short, and a backup type an RDB cannot be.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(RedisAgentTestResource.class)
class RedisBackupFailuresIT {

    @Inject
    ArtifactPipeline pipeline;

    @Test
    void aWrongPasswordIsNamed() throws Exception {
        BackupFailed failed = failed(RedisAgentTestResource.WRONG_PASSWORD);

        assertThat(failed.reason()).contains("127.0.0.1:" + RedisAgentTestResource.secured.port())
                .containsIgnoringCase("WRONGPASS");
    }

    @Test
    void aUserWithoutReplicationRightsIsRefusedAsAReplica() throws Exception {
        BackupFailed failed = failed(RedisAgentTestResource.NO_SYNC);

        assertThat(failed.reason()).contains("NOPERM");
    }

    @Test
    void aServerThatDoesNotListenIsNamed() throws Exception {
        BackupFailed failed = failed(RedisAgentTestResource.REFUSED);

        assertThat(failed.reason()).contains("target '" + RedisAgentTestResource.REFUSED + "'", "unable to connect");
    }

    @Test
    void aBackupTypeThatAnRdbCannotBeIsRefused() throws Exception {
        Envelope<RunBackup> command = RedisKafka.runBackup(RedisAgentTestResource.MAIN, BackupType.INCREMENTAL);
        RedisKafka.BUS.sendAndAwait(command);

        BackupFailed failed = (BackupFailed) last(command);
        assertThat(failed.reason()).contains("INCREMENTAL", "FULL, SNAPSHOT");
    }

    @Test
    void aSourceKilledMidTransferFailsTheBackupAndStoresNoManifest() throws Exception {
        int port = RedisAgentTestResource.doomed.port();
        long pid;
        try (RespCommands redis = new RespCommands("127.0.0.1", port)) {
            for (int batch = 0; batch < 20; batch++) {
                String[] args = new String[1 + 2 * 500];
                args[0] = "MSET";
                for (int i = 0; i < 500; i++) {
                    args[1 + 2 * i] = "doomed:" + batch + ":" + i;
                    args[2 + 2 * i] = "value ".repeat(20) + i;
                }
                redis.call(args);
            }
            // Each key costs the forked child 1 ms to save: the transfer takes about 10 s.
            redis.call("CONFIG", "SET", "rdb-key-save-delay", "1000");
            pid = Long.parseLong(redis.call("INFO", "server").lines().filter(l -> l.startsWith("process_id:"))
                    .findFirst().orElseThrow().substring("process_id:".length()).trim());
        }
        Envelope<RunBackup> command = RedisKafka.runBackup(RedisAgentTestResource.DOOMED, BackupType.FULL);
        new Thread(() -> {
            Await.until("the doomed backup to start", AgentBus.PATIENCE, () -> AgentBus.factsOf(command).stream()
                    .anyMatch(f -> f.payload().getClass().getSimpleName().equals("BackupStarted")), () -> "");
            sleep(1_500);
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }, "kill-doomed-redis").start();

        RedisKafka.BUS.sendAndAwait(command);

        BackupFailed failed = (BackupFailed) last(command);
        assertThat(failed.reason()).contains("target '" + RedisAgentTestResource.DOOMED + "'");
        assertThat(failed.retryable()).isTrue();
        assertThat(pipeline.manifest(RedisAgentTestResource.DOOMED, failed.backupId())).isEmpty();
    }

    @Test
    void anRdbWhoseCrcDoesNotMatchIsNotStored() throws Exception {
        byte[] rdb = savedRdb();
        rdb[rdb.length / 2] ^= 0x20;
        Files.write(RedisAgentTestResource.damagedFile, rdb);

        BackupFailed failed = failed(RedisAgentTestResource.DAMAGED_FILE);

        assertThat(failed.reason()).contains("CRC-64 trailer", "differs");
        assertThat(pipeline.manifest(RedisAgentTestResource.DAMAGED_FILE, failed.backupId())).isEmpty();
    }

    @Test
    void aTruncatedRdbIsNotStored() throws Exception {
        byte[] rdb = savedRdb();
        Files.write(RedisAgentTestResource.damagedFile, Arrays.copyOf(rdb, rdb.length - 20));

        BackupFailed failed = failed(RedisAgentTestResource.DAMAGED_FILE);

        assertThat(failed.reason()).contains("truncated");
        assertThat(pipeline.manifest(RedisAgentTestResource.DAMAGED_FILE, failed.backupId())).isEmpty();
    }

    /** A real RDB: the disk server's SAVE, with some keys in it. */
    private static byte[] savedRdb() throws Exception {
        RedisDataset.seed(RedisAgentTestResource.disk.port(), null, "damaged-" + System.nanoTime());
        try (RespCommands redis = new RespCommands("127.0.0.1", RedisAgentTestResource.disk.port())) {
            redis.call("SAVE");
        }
        return Files.readAllBytes(RedisAgentTestResource.disk.dir().resolve("dump.rdb"));
    }

    private static BackupFailed failed(String targetId) throws Exception {
        Object outcome = RedisKafka.backup(targetId);
        assertThat(outcome).isInstanceOf(BackupFailed.class);
        BackupFailed failed = (BackupFailed) outcome;
        assertThat(failed.reason()).isNotBlank();
        return failed;
    }

    private static Object last(Envelope<?> command) {
        List<Envelope<?>> facts = AgentBus.factsOf(command);
        return facts.get(facts.size() - 1).payload();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
