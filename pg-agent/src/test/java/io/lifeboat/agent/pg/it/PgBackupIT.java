package io.lifeboat.agent.pg.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.lifeboat.agent.pg.tools.ExportArtifact;
import io.lifeboat.agentkit.agent.domain.BackupIds;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.backup.BackupFailed;
import io.lifeboat.events.backup.BackupStarted;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.testkit.postgres.PostgresServer;
import io.lifeboat.testkit.process.Command;
import io.lifeboat.testkit.process.TempDirs;
import io.lifeboat.testkit.quarkus.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PgAgentTestResource.class)
class PgBackupIT {

    private static final String LSN = "[0-9A-F]+/[0-9A-F]+";

    @Inject
    ArtifactPipeline pipeline;

    @Inject
    ObjectStore store;

    @Inject
    ArtifactLayout layout;

    @Test
    void fullBackupRecordsItsWalRangeAndRestoresIntoASecondServerWithEveryRowWrittenBefore() throws Exception {
        PgTables.seed("orders_full", 5_000);
        Envelope<RunBackup> command = PgKafka.runBackup(PgAgentTestResource.MAIN, BackupType.FULL);
        String backupId = BackupIds.backupId(command.payload());

        PgKafka.sendAndAwait(command);

        BackupCompleted completed = completed(command);
        Map<String, Object> meta = pipeline.manifest(PgAgentTestResource.MAIN, backupId).orElseThrow()
                .engineMetadata();
        assertThat(meta.get("backupLabel")).isEqualTo(backupId);
        assertThat(meta.get("timeline")).isEqualTo(1);
        assertThat(meta.get("startLsn").toString()).matches(LSN).isEqualTo(completed.startPosition());
        assertThat(meta.get("stopLsn").toString()).matches(LSN).isEqualTo(completed.endPosition());
        assertThat(lsn(meta.get("stopLsn"))).isGreaterThan(lsn(meta.get("startLsn")));
        assertThat(meta.get("serverVersion").toString()).startsWith("15.");
        assertThat(meta.get("tablespaceCount")).isEqualTo(2);

        Path dir = TempDirs.create("pg-agent-full");
        try {
            Path tar = export(backupId, dir.resolve("base.tar"));
            List<String> entries = List.of(Command.of("tar", "-tf", tar.toString())
                    .runChecked("list " + tar).output().split("\n"));
            assertThat(entries).contains("backup_label", "backup_manifest", "PG_VERSION")
                    .anyMatch(entry -> entry.matches("pg_wal/[0-9A-F]{24}"));
            try (RestoredCluster restored = RestoredCluster.startFrom(tar, PostgresServer.shared().binDir());
                    Connection connection = restored.connect(PgAgentTestResource.DATABASE,
                            PostgresServer.shared().user(), PostgresServer.shared().password())) {
                assertThat(PgTables.rows(connection, "orders_full")).hasSize(5_000)
                        .isEqualTo(PgTables.rowsOnFixture("orders_full"));
            }
        } finally {
            TempDirs.deleteRecursively(dir);
        }
    }

    @Test
    void logicalBackupRestoresWithStockPgRestoreIntoAFreshDatabaseWithEqualRows() throws Exception {
        PgTables.seed("orders_logical", 3_000);
        Envelope<RunBackup> command = PgKafka.runBackup(PgAgentTestResource.MAIN, BackupType.LOGICAL);
        String backupId = BackupIds.backupId(command.payload());

        PgKafka.sendAndAwait(command);

        completed(command);
        Map<String, Object> meta = pipeline.manifest(PgAgentTestResource.MAIN, backupId).orElseThrow()
                .engineMetadata();
        assertThat(meta.get("database")).isEqualTo(PgAgentTestResource.DATABASE);
        assertThat(meta.get("pgDumpVersion").toString()).startsWith("pg_dump (PostgreSQL) 15.");
        assertThat(((Number) meta.get("tableCount")).intValue()).isGreaterThanOrEqualTo(1);

        PostgresServer server = PostgresServer.shared();
        Path dir = TempDirs.create("pg-agent-logical");
        try {
            Path dump = export(backupId, dir.resolve("shop.dump"));
            String fresh = "restored_" + backupId.replace('-', '_');
            server.createDatabase(fresh);
            Command.of(server.binDir().resolve("pg_restore").toString(), "-h", server.host(), "-p",
                    String.valueOf(server.port()), "-U", server.user(), "-d", fresh, "--no-password", dump.toString())
                    .env("PGPASSWORD", server.password()).runChecked("pg_restore " + dump + " into " + fresh);
            try (Connection connection = server.connect(fresh)) {
                assertThat(PgTables.rows(connection, "orders_logical")).hasSize(3_000)
                        .isEqualTo(PgTables.rowsOnFixture("orders_logical"));
            }
        } finally {
            TempDirs.deleteRecursively(dir);
        }
    }

    @Test
    void redeliveredCommandReEmitsTheSameCompletionWithoutASecondUpload() throws Exception {
        Envelope<RunBackup> command = PgKafka.runBackup(PgAgentTestResource.MAIN, BackupType.LOGICAL);
        String backupId = BackupIds.backupId(command.payload());
        PgKafka.sendAndAwait(command);
        Manifest first = pipeline.manifest(PgAgentTestResource.MAIN, backupId).orElseThrow();

        PgKafka.sendAndAwait(command);

        List<Envelope<?>> facts = PgKafka.factsOf(command);
        assertThat(facts).filteredOn(f -> f.payload() instanceof BackupStarted).hasSize(1);
        List<BackupCompleted> completions = facts.stream().map(Envelope::payload)
                .filter(BackupCompleted.class::isInstance).map(BackupCompleted.class::cast).toList();
        assertThat(completions).hasSize(2).allSatisfy(c -> {
            assertThat(c.backupId()).isEqualTo(backupId);
            assertThat(c.sha256()).isEqualTo(first.sha256());
        });
        assertThat(pipeline.manifest(PgAgentTestResource.MAIN, backupId).orElseThrow()).isEqualTo(first);
        assertThat(store.list(layout.backupPrefix(PgAgentTestResource.MAIN, backupId)))
                .hasSize(first.parts().size() + 1);
    }

    @Test
    void unknownTargetFailsNamingTheConfigurationItIsMissingFrom() throws Exception {
        Envelope<RunBackup> command = PgKafka.runBackup("nowhere", BackupType.FULL);

        PgKafka.sendAndAwait(command);

        assertThat(failed(command).reason())
                .contains("unknown target 'nowhere': not configured in lifeboat.pg.targets");
    }

    @Test
    void wrongPasswordFailsNamingTheTargetAndTheServersRefusal() throws Exception {
        Envelope<RunBackup> command = PgKafka.runBackup(PgAgentTestResource.WRONG_PASSWORD, BackupType.FULL);

        PgKafka.sendAndAwait(command);

        BackupFailed failed = failed(command);
        assertThat(failed.reason()).contains("target 'wrong-password'", "password authentication failed")
                .doesNotContain("not-" + PostgresServer.shared().password());
        assertThat(pipeline.manifest(PgAgentTestResource.WRONG_PASSWORD, failed.backupId())).isEmpty();
    }

    @Test
    void fullBackupOfAClusterWithAnExtraTablespaceFailsSayingWhatToDo() throws Exception {
        Envelope<RunBackup> command = PgKafka.runBackup(PgAgentTestResource.TABLESPACES, BackupType.FULL);

        PgKafka.sendAndAwait(command);

        assertThat(failed(command).reason()).contains("target 'tablespaces'",
                "has 1 tablespace(s) besides pg_default and pg_global", "SET TABLESPACE pg_default");
    }

    private Path export(String backupId, Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            ExportArtifact.export(PgAgentTestResource.storeRoot, PgAgentTestResource.keyFile,
                    PgAgentTestResource.MAIN, backupId, out);
        }
        return file;
    }

    private static BackupCompleted completed(Envelope<RunBackup> command) {
        List<Envelope<?>> facts = PgKafka.factsOf(command);
        assertThat(facts).isNotEmpty();
        Object last = facts.get(facts.size() - 1).payload();
        assertThat(last).isInstanceOf(BackupCompleted.class);
        return (BackupCompleted) last;
    }

    private static BackupFailed failed(Envelope<RunBackup> command) {
        List<Envelope<?>> outcomes = PgKafka.factsOf(command).stream()
                .filter(f -> f.payload() instanceof BackupFailed || f.payload() instanceof BackupCompleted).toList();
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).payload()).isInstanceOf(BackupFailed.class);
        return (BackupFailed) outcomes.get(0).payload();
    }

    private static long lsn(Object text) {
        String[] parts = text.toString().split("/");
        return (Long.parseLong(parts[0], 16) << 32) | Long.parseLong(parts[1], 16);
    }
}
