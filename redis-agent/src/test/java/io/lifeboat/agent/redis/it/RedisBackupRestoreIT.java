package io.lifeboat.agent.redis.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.lifeboat.agent.redis.engine.KeySample;
import io.lifeboat.agent.redis.engine.SnapshotMetadata;
import io.lifeboat.agent.redis.testing.RespCommands;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.agentkit.testing.AgentBus;
import io.lifeboat.events.Topics;
import io.lifeboat.events.archive.ArchiveProgressed;
import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.backup.BackupVerified;
import io.lifeboat.events.backup.RestoreCompleted;
import io.lifeboat.events.backup.RestoreFailed;
import io.lifeboat.events.backup.VerificationFailed;
import io.lifeboat.testkit.process.FreePorts;
import io.lifeboat.testkit.process.TempDirs;
import io.lifeboat.testkit.quarkus.KafkaResource;
import io.lifeboat.testkit.redis.RedisServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Snapshots of real redis-servers through the agent, restored into fresh servers and into running ones key by key,
 * and verified in scratch servers: every value type, TTLs and two databases come back the same.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(RedisAgentTestResource.class)
class RedisBackupRestoreIT {

    @Inject
    ArtifactPipeline pipeline;

    @Test
    void aSnapshotOverDisklessReplicationRestoresIntoAFreshServerWithTheSameKeysValuesAndTtls() throws Exception {
        RedisDataset.seed(RedisAgentTestResource.main.port(), null, "fresh");
        Map<String, RedisDataset.KeyState> source = RedisDataset.state(RedisAgentTestResource.main.port(), null);

        BackupCompleted completed = (BackupCompleted) RedisKafka.backup(RedisAgentTestResource.MAIN);

        Manifest manifest = pipeline.manifest(RedisAgentTestResource.MAIN, completed.backupId()).orElseThrow();
        Map<String, Object> metadata = manifest.engineMetadata();
        assertThat(metadata).containsEntry("framing", "eof_mark").containsEntry("snapshotMode", "replication")
                .containsEntry("crc64Check", "verified").containsEntry("rdbVersion", 10)
                .containsEntry("redisVersion", "7.0.15").containsKey("replicationOffset");
        assertThat(SnapshotMetadata.keysPerDb(manifest)).containsEntry(0, count(source, 0))
                .containsEntry(5, count(source, 5));
        assertThat(SnapshotMetadata.sample(manifest)).isNotEmpty().allSatisfy(k -> assertThat(k.sha256()).hasSize(64));
        assertThat(completed.startPosition()).isEqualTo(metadata.get("replicationOffset").toString());

        Path dir = TempDirs.create("redis-restored");
        int port = FreePorts.find();
        Object restored = RedisKafka.restore(RedisAgentTestResource.MAIN, completed.backupId(),
                dir + "?port=" + port, false);
        try {
            assertThat(restored).isInstanceOf(RestoreCompleted.class);
            assertThat(((RestoreCompleted) restored).restoredTo()).isEqualTo(completed.consistentAt());
            assertThat(dir.resolve("dump.rdb")).exists();
            RedisDataset.assertSameData(source, RedisDataset.state(port, null));
        } finally {
            shutdown(port);
        }
    }

    @Test
    void eachStoredSnapshotReportsArchiveProgressAtItsForkTime() throws Exception {
        BackupCompleted completed = (BackupCompleted) RedisKafka.backup(RedisAgentTestResource.MAIN);

        List<ArchiveProgressed> reports = AgentBus.events(Topics.ARCHIVE_EVENTS.name(),
                e -> e.payload() instanceof ArchiveProgressed p && p.segment().equals(completed.backupId()))
                .stream().map(e -> (ArchiveProgressed) e.payload()).toList();
        assertThat(reports).hasSize(1);
        ArchiveProgressed report = reports.get(0);
        assertThat(report.archivedCommitTime()).isEqualTo(completed.consistentAt());
        assertThat(report.archivedPosition()).isEqualTo(completed.startPosition());
        assertThat(Long.parseLong(report.headPosition())).isGreaterThanOrEqualTo(
                Long.parseLong(report.archivedPosition()));
        assertThat(report.headCommitTime()).isAfterOrEqualTo(report.archivedCommitTime());
    }

    @Test
    void aDiskBasedSyncUsesTheLengthFramingAndRestoresKeyByKeyIntoARunningServer() throws Exception {
        RedisDataset.seed(RedisAgentTestResource.disk.port(), null, "keys");
        Map<String, RedisDataset.KeyState> source = RedisDataset.state(RedisAgentTestResource.disk.port(), null);
        BackupCompleted completed = (BackupCompleted) RedisKafka.backup(RedisAgentTestResource.DISK);
        Manifest manifest = pipeline.manifest(RedisAgentTestResource.DISK, completed.backupId()).orElseThrow();
        assertThat(manifest.engineMetadata()).containsEntry("framing", "length");

        try (RedisServer target = RedisServer.start()) {
            Object restored = RedisKafka.restore(RedisAgentTestResource.DISK, completed.backupId(),
                    "redis://127.0.0.1:" + target.port(), false);

            assertThat(restored).isInstanceOf(RestoreCompleted.class);
            RedisDataset.assertSameData(source, RedisDataset.state(target.port(), null));
        }
    }

    @Test
    void aRunningServerThatHoldsDataIsOnlyReplacedWhenOverwriteIsAllowed() throws Exception {
        RedisDataset.seed(RedisAgentTestResource.main.port(), null, "overwrite");
        Map<String, RedisDataset.KeyState> source = RedisDataset.state(RedisAgentTestResource.main.port(), null);
        BackupCompleted completed = (BackupCompleted) RedisKafka.backup(RedisAgentTestResource.MAIN);
        int port = RedisAgentTestResource.empty.port();
        try (RespCommands redis = new RespCommands("127.0.0.1", port)) {
            redis.call("FLUSHALL");
            redis.call("SET", "someone-elses", "data");
        }

        Object refused = RedisKafka.restore(RedisAgentTestResource.MAIN, completed.backupId(),
                "target:" + RedisAgentTestResource.EMPTY, false);

        assertThat(refused).isInstanceOf(RestoreFailed.class);
        assertThat(((RestoreFailed) refused).failedStep()).isEqualTo("destination");
        assertThat(((RestoreFailed) refused).reason()).contains("not empty", "db0: 1 keys", "overwrite");
        try (RespCommands redis = new RespCommands("127.0.0.1", port)) {
            assertThat(redis.call("GET", "someone-elses")).isEqualTo("data");
        }

        Object replaced = RedisKafka.restore(RedisAgentTestResource.MAIN, completed.backupId(),
                "target:" + RedisAgentTestResource.EMPTY, true);

        assertThat(replaced).isInstanceOf(RestoreCompleted.class);
        RedisDataset.assertSameData(source, RedisDataset.state(port, null));
    }

    @Test
    void aFreshInstanceDirectoryThatHoldsAnRdbIsRefusedWithoutOverwrite() throws Exception {
        BackupCompleted completed = (BackupCompleted) RedisKafka.backup(RedisAgentTestResource.MAIN);
        Path dir = TempDirs.create("redis-occupied");
        Files.writeString(dir.resolve("dump.rdb"), "an older instance's data");

        Object refused = RedisKafka.restore(RedisAgentTestResource.MAIN, completed.backupId(), dir.toString(), false);

        assertThat(refused).isInstanceOf(RestoreFailed.class);
        assertThat(((RestoreFailed) refused).reason()).contains(dir.toString(), "dump.rdb", "overwrite");
        assertThat(Files.readString(dir.resolve("dump.rdb"))).isEqualTo("an older instance's data");
    }

    @Test
    void aBgsaveSnapshotOfAPasswordProtectedServerIsVerifiedInAScratchServer() throws Exception {
        RedisDataset.seed(RedisAgentTestResource.secured.port(), RedisAgentTestResource.PASSWORD, "bgsave");
        BackupCompleted completed = (BackupCompleted) RedisKafka.backup(RedisAgentTestResource.BGSAVE);
        Manifest manifest = pipeline.manifest(RedisAgentTestResource.BGSAVE, completed.backupId()).orElseThrow();
        assertThat(manifest.engineMetadata()).containsEntry("snapshotMode", "bgsave").doesNotContainKey("framing");

        Object verified = RedisKafka.verify(RedisAgentTestResource.BGSAVE, completed.backupId());

        assertThat(verified).isInstanceOf(BackupVerified.class);
        List<KeySample> sample = SnapshotMetadata.sample(manifest);
        assertThat(sample).isNotEmpty();
    }

    @Test
    void aChangedPartFailsVerificationAndRestoreWithoutTouchingTheDestination() throws Exception {
        BackupCompleted completed = (BackupCompleted) RedisKafka.backup(RedisAgentTestResource.MAIN);
        Manifest manifest = pipeline.manifest(RedisAgentTestResource.MAIN, completed.backupId()).orElseThrow();
        Path part = RedisAgentTestResource.storeRoot.resolve(manifest.parts().get(0).key());
        byte[] bytes = Files.readAllBytes(part);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(part, bytes);

        Object verified = RedisKafka.verify(RedisAgentTestResource.MAIN, completed.backupId());
        assertThat(verified).isInstanceOf(VerificationFailed.class);
        assertThat(((VerificationFailed) verified).reason()).contains(manifest.parts().get(0).key());

        Path dir = TempDirs.create("redis-not-restored");
        Object restored = RedisKafka.restore(RedisAgentTestResource.MAIN, completed.backupId(), dir.toString(), false);
        assertThat(restored).isInstanceOf(RestoreFailed.class);
        assertThat(((RestoreFailed) restored).failedStep()).isEqualTo("download");
        assertThat(((RestoreFailed) restored).retryable()).isFalse();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    private static long count(Map<String, RedisDataset.KeyState> state, int db) {
        return state.keySet().stream().filter(k -> k.startsWith(db + ":")).count();
    }

    private static void shutdown(int port) {
        try (RespCommands redis = new RespCommands("127.0.0.1", port)) {
            redis.call("SHUTDOWN", "NOSAVE");
        } catch (Exception e) {
            // Gone already, or the connection closed as the server exited.
        }
    }

}
