package io.lifeboat.agent.pg.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.lifeboat.agentkit.agent.domain.BackupIds;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.ArtifactSink;
import io.lifeboat.agentkit.pipeline.ArtifactSpec;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.agentkit.storage.WriteOptions;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.BackupVerified;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.backup.VerificationFailed;
import io.lifeboat.events.backup.VerifyBackup;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.testkit.process.Command;
import io.lifeboat.testkit.process.TempDirs;
import io.lifeboat.testkit.quarkus.KafkaResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code VerifyBackup} against real backups: FULL ones are restored into a scratch server and checked with
 * pg_verifybackup and pg_amcheck, LOGICAL ones listed with pg_restore; damaged ones are reported with the step
 * that caught them.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PgAgentTestResource.class)
class PgVerifyIT {

    @Inject
    ArtifactPipeline pipeline;

    @Inject
    MeterRegistry registry;

    @Test
    void aFullBackupRestoresIntoAScratchServerAndPassesEveryCheck() throws Exception {
        PgTables.seed("verify_full", 1_000);
        String backupId = backup(PgAgentTestResource.ARCHIVED, BackupType.FULL);

        BackupVerified verified = outcome(verify(PgAgentTestResource.ARCHIVED, backupId), BackupVerified.class);

        Manifest manifest = pipeline.manifest(PgAgentTestResource.ARCHIVED, backupId).orElseThrow();
        assertThat(verified.sha256()).isEqualTo(manifest.sha256());
        assertThat(verified.checkedBytes()).isEqualTo(manifest.sizes().stored());
    }

    @Test
    void aLogicalBackupIsListedByPgRestoreWithTheTablesCountedAtBackupTime() throws Exception {
        PgTables.seed("verify_logical", 100);
        String backupId = backup(PgAgentTestResource.MAIN, BackupType.LOGICAL);

        outcome(verify(PgAgentTestResource.MAIN, backupId), BackupVerified.class);
    }

    @Test
    void aChangedPartIsCaughtByItsChecksumAndNamed() throws Exception {
        String backupId = backup(PgAgentTestResource.MAIN, BackupType.LOGICAL);
        Manifest manifest = pipeline.manifest(PgAgentTestResource.MAIN, backupId).orElseThrow();
        Path part = PgAgentTestResource.storeRoot.resolve(manifest.parts().get(0).key());
        byte[] bytes = Files.readAllBytes(part);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(part, bytes);
        double failedBefore = failedVerifications();

        VerificationFailed failed = outcome(verify(PgAgentTestResource.MAIN, backupId), VerificationFailed.class);

        assertThat(failed.failedStep()).isEqualTo("checksum");
        assertThat(failed.reason()).contains(manifest.parts().get(0).key());
        assertThat(failed.expectedSha256()).isEqualTo(manifest.sha256());
        // Counted before the outcome is written: lifeboat_verifications_total{outcome="failed"}, for the alert.
        assertThat(failedVerifications()).isEqualTo(failedBefore + 1);
    }

    private double failedVerifications() {
        return registry.get("lifeboat.verifications").tags("target", PgAgentTestResource.MAIN, "outcome", "failed")
                .counter().count();
    }

    @Test
    void aBackupWhoseFilesDisagreeWithItsBackupManifestFailsPgVerifybackup() throws Exception {
        String original = backup(PgAgentTestResource.ARCHIVED, BackupType.FULL);
        Path dir = TempDirs.create("pg-agent-tampered");
        Path tree = Files.createDirectory(dir.resolve("tree"));
        try (InputStream in = pipeline.openForRestore(PgAgentTestResource.ARCHIVED, original)) {
            Files.copy(in, dir.resolve("base.tar"));
        }
        Command.of("tar", "-xf", dir.resolve("base.tar").toString(), "-C", tree.toString()).runChecked("untar");
        Files.writeString(tree.resolve("postgresql.conf"), "\n# changed after the backup\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        Command.of("tar", "-cf", dir.resolve("tampered.tar").toString(), "-C", tree.toString(), ".")
                .runChecked("tar");
        // Stored through the pipeline, so every checksum of the artifact itself is right.
        String tampered = "bk-tampered-" + UUID.randomUUID().toString().substring(0, 8);
        Manifest source = pipeline.manifest(PgAgentTestResource.ARCHIVED, original).orElseThrow();
        try (ArtifactSink sink = pipeline.create(new ArtifactSpec(PgAgentTestResource.ARCHIVED, tampered,
                Engine.POSTGRES, BackupType.FULL, WriteOptions.of(source.storageClass())))) {
            Files.copy(dir.resolve("tampered.tar"), sink.stream());
            sink.complete(source.engineMetadata());
        } finally {
            TempDirs.deleteRecursively(dir);
        }

        VerificationFailed failed = outcome(verify(PgAgentTestResource.ARCHIVED, tampered),
                VerificationFailed.class);

        assertThat(failed.failedStep()).isEqualTo("pg_verifybackup");
        assertThat(failed.reason()).contains("postgresql.conf");
    }

    private static String backup(String targetId, BackupType type) throws Exception {
        Envelope<RunBackup> command = PgKafka.runBackup(targetId, type);
        PgKafka.sendAndAwait(command);
        assertThat(PgKafka.factsOf(command)).last().extracting(f -> f.payload().getClass().getSimpleName())
                .isEqualTo("BackupCompleted");
        return BackupIds.backupId(command.payload());
    }

    private static Envelope<VerifyBackup> verify(String targetId, String backupId) throws Exception {
        Envelope<VerifyBackup> command = Envelope.of(Envelope.sourceOf("scheduler-service"), new VerifyBackup(
                UUID.randomUUID().toString(), targetId, Engine.POSTGRES, backupId, "pg-agent-it", null, 1));
        PgKafka.sendAndAwait(command);
        return command;
    }

    private static <T> T outcome(Envelope<?> command, Class<T> type) {
        List<Envelope<?>> outcomes = PgKafka.factsOf(command).stream()
                .filter(f -> f.payload() instanceof BackupVerified || f.payload() instanceof VerificationFailed)
                .toList();
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).payload()).isInstanceOf(type);
        return type.cast(outcomes.get(0).payload());
    }
}
