package io.lifeboat.dr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.lifeboat.events.Engine;
import io.lifeboat.events.Topics;
import io.lifeboat.events.archive.ArchiveProgressed;
import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.RestoreCompleted;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.dr.ApprovalRequested;
import io.lifeboat.events.dr.ApproveRun;
import io.lifeboat.events.dr.DrRunUpdated;
import io.lifeboat.events.dr.DrillCompleted;
import io.lifeboat.events.dr.RestoreScenario;
import io.lifeboat.events.dr.StartDrill;
import io.lifeboat.events.dr.StartRestore;
import io.lifeboat.testkit.postgres.PostgresServer;
import io.lifeboat.testkit.process.Await;
import io.lifeboat.testkit.process.Command;
import io.lifeboat.testkit.process.FreePorts;
import io.lifeboat.testkit.process.OsUser;
import io.lifeboat.testkit.process.ServiceJar;
import io.lifeboat.testkit.process.TempDirs;

/**
 * Restores and drills end to end: the packaged pg-agent (archiving a real PostgreSQL server's WAL into its store),
 * the packaged catalog service and the packaged orchestrator over a real broker. A drill restores the newest backup
 * into a scratch instance and publishes its measured restore time; a point-in-time restore lands on the requested
 * second in a new instance, leaves the damaged one alone, and cuts over only once a person approved.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecoveryRunbooksIT extends OwnBroker {

    private static final String TARGET = RecoveryStack.TARGET;
    private static final String DATABASE = RecoveryStack.DATABASE;
    private static final String REPORTS = RecoveryStack.REPORTS;
    private static final String REPORTS_DATABASE = RecoveryStack.REPORTS_DATABASE;
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final OsUser POSTGRES = new OsUser("postgres");

    private static PostgresServer pg;
    private static Path work;
    private static int restorePort;
    private static int scratchPort;
    private static final int[] groupPorts = new int[2];
    private static final List<ServiceJar> SERVICES = new ArrayList<>();
    private static ServiceJar dr;
    private static String backupId;
    private static RecoveryStack stack;

    @BeforeAll
    static void startServices() throws Exception {
        for (var topic : Topics.all()) {
            broker.createTopic(topic.name(), 1, topic.compacted());
        }
        pg = PostgresServer.start();
        pg.createDatabase(DATABASE);
        ShopSql.sql(pg, "CREATE TABLE ledger (id int PRIMARY KEY, note text NOT NULL)",
                "INSERT INTO ledger SELECT g, 'before the backup' FROM generate_series(1, 50) g");
        work = TempDirs.create("dr-recovery");
        // The agent restores as the postgres account, which must reach the destinations.
        for (Path dir : List.of(work, Files.createDirectory(work.resolve("restores")),
                Files.createDirectory(work.resolve("scratch")))) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        restorePort = FreePorts.find();
        scratchPort = FreePorts.find();
        groupPorts[0] = FreePorts.find();
        groupPorts[1] = FreePorts.find();
        stack = new RecoveryStack(pg, work, restorePort, scratchPort, groupPorts[0], groupPorts[1]);
        pg.createDatabase(REPORTS_DATABASE);
        try (Connection connection = pg.connect(REPORTS_DATABASE); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE daily (day date PRIMARY KEY, orders int NOT NULL)");
            statement.execute("INSERT INTO daily VALUES ('2026-11-21', 42)");
        }
        String bootstrap = broker.bootstrapServers();
        SERVICES.add(ServiceJar.start(Path.of("../pg-agent/target/quarkus-app/quarkus-run.jar"), "pg-agent", "384m",
                PATIENCE, port -> stack.agent(bootstrap)));
        SERVICES.add(ServiceJar.start(Path.of("../catalog-service/target/quarkus-app/quarkus-run.jar"), "catalog",
                "384m", PATIENCE, port -> Map.of("kafka.bootstrap.servers", bootstrap,
                        "quarkus.kafka-streams.bootstrap-servers", bootstrap,
                        "quarkus.kafka-streams.application-server", "localhost:" + port,
                        "kafka-streams.state.dir", work.resolve("catalog-state").toString())));
        dr = DrProcess.start("dr-recovery", bootstrap, stack.orchestrator());
        SERVICES.add(dr);
    }

    @AfterAll
    static void stopServices() {
        SERVICES.forEach(ServiceJar::close);
        try (var dirs = Files.list(work.resolve("restores"))) {
            dirs.forEach(dir -> Command.of(pg.binDir().resolve("pg_ctl").toString(), "-D", dir.toString(), "-m",
                    "immediate", "-w", "stop").as(POSTGRES).in(work).timeout(Duration.ofSeconds(60)).run());
        } catch (Exception e) {
            // Nothing was restored there.
        }
        pg.close();
        // Restored and scratch instances, the catalog's state and the store: a few hundred MB per run.
        TempDirs.deleteRecursively(work);
    }

    @Test
    @Order(1)
    void aDrillRestoresTheNewestBackupIntoAScratchInstanceAndPublishesTheMeasuredRestoreTime() throws Exception {
        String backupId = backup();
        String command = UUID.randomUUID().toString();

        kafka.send(new StartDrill(command, TARGET, null, null, "scheduler-service", null, 1));

        Await.until("the drill completed", PATIENCE,
                () -> !kafka.read(Topics.DR_EVENTS.name(), DrillCompleted.class, TARGET).isEmpty(),
                () -> "no DrillCompleted; the run: " + latestRun() + "; the orchestrator's log: " + dr.log());
        DrillCompleted drill = kafka.read(Topics.DR_EVENTS.name(), DrillCompleted.class, TARGET).get(0);
        assertThat(drill.commandId()).isEqualTo(command);
        assertThat(drill.passed()).as(drill.failureReason()).isTrue();
        assertThat(drill.backupId()).isEqualTo(backupId);
        assertThat(drill.restoreTime()).isPositive();
        assertThat(drill.rto()).isEqualTo(Duration.ofMinutes(10));
        assertThat(drill.restoredTo()).isNotNull();
        assertThat(drill.measuredRpo()).isEqualTo(Duration.between(drill.restoredTo(), drill.startedAt()));
        Await.until("the drill run completed", PATIENCE, () -> "COMPLETED".equals(latestRun().status()),
                () -> "run: " + latestRun());
        DrRunUpdated run = latestRun();
        assertThat(run.runId()).isEqualTo("drill-" + command);
        assertThat(run.steps()).extracting(step -> step.id() + ":" + step.status()).containsExactly(
                "pick-backup:DONE", "restore-into-scratch:DONE", "await-restore:DONE", "check-data:DONE",
                "report:DONE", "clean-up:DONE");
        assertThat(run.steps().get(3).note()).contains("ledger-rows ok", "returned 50");
        Path scratch = work.resolve("scratch").resolve(run.runId().replaceAll("[^A-Za-z0-9_-]", "-"));
        Await.until("the agent removed the scratch instance after drill-keep", PATIENCE, () -> !Files.exists(scratch),
                () -> scratch + " is still there");
    }

    @Test
    @Order(2)
    void aPointInTimeRestoreStopsAtTheRequestedSecondInANewInstanceAndCutsOverOnlyOnceApproved() throws Exception {
        backup();
        ShopSql.sql(pg, "INSERT INTO ledger VALUES (100, 'before the requested second')");
        Thread.sleep(1_200);
        Instant requested = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Thread.sleep(Duration.between(Instant.now(), requested.plusMillis(1_300)).toMillis());
        ShopSql.sql(pg, "INSERT INTO ledger VALUES (200, 'after the requested second: the mistake')");
        String after = ShopSql.text(pg, "SELECT pg_current_wal_insert_lsn()::text");
        ShopSql.sql(pg, "SELECT pg_switch_wal()");
        Await.until("the WAL of the mistake archived", PATIENCE, () -> kafka.read(Topics.ARCHIVE_EVENTS.name(),
                ArchiveProgressed.class, TARGET).stream()
                .anyMatch(p -> ShopSql.lsn(p.archivedPosition()) > ShopSql.lsn(after)),
                () -> "archive reports: " + kafka.read(Topics.ARCHIVE_EVENTS.name(), ArchiveProgressed.class, TARGET));
        String command = UUID.randomUUID().toString();

        kafka.send(new StartRestore(command, TARGET, RestoreScenario.POINT_IN_TIME, requested, null, null, false,
                "ops:jane", "row 200 was written by a bad deploy", null, 1));

        String runId = "restore-" + command;
        Await.until("the restore awaits the cut-over approval", PATIENCE,
                () -> runId.equals(latestRun().runId()) && "AWAITING_APPROVAL".equals(latestRun().status()),
                () -> "run: " + latestRun() + "; the orchestrator's log: " + dr.log());
        try (Connection restored = DriverManager.getConnection("jdbc:postgresql://localhost:" + restorePort + "/"
                + DATABASE, pg.user(), pg.password()); Statement statement = restored.createStatement()) {
            assertThat(ShopSql.ids(statement)).contains(1, 50, 100).doesNotContain(200);
        }
        assertThat(ShopSql.ids(pg)).as("the damaged instance is left alone").contains(100, 200);
        RestoreCompleted completed = kafka.read(Topics.BACKUP_EVENTS.name(), RestoreCompleted.class, TARGET).stream()
                .filter(r -> r.commandId().equals(runId + "-restore")).findFirst().orElseThrow();
        assertThat(completed.restoredTo()).isBeforeOrEqualTo(requested).isAfter(requested.minusSeconds(3));
        DrRunUpdated waiting = latestRun();
        assertThat(waiting.parameters()).containsEntry("scenario", "POINT_IN_TIME")
                .containsEntry("pointInTime", requested.toString());
        assertThat(waiting.requestedBy()).isEqualTo("ops:jane");
        assertThat(kafka.read(Topics.DR_EVENTS.name(), ApprovalRequested.class, TARGET))
                .anyMatch(a -> a.runId().equals(runId) && a.stepId().equals("cutover"));

        kafka.send(new ApproveRun(UUID.randomUUID().toString(), TARGET, runId, "cutover", true, null, "ops:jane",
                null, 1));

        Await.until("the restore run completed", PATIENCE, () -> "COMPLETED".equals(latestRun().status()),
                () -> "run: " + latestRun());
        DrRunUpdated run = latestRun();
        assertThat(run.approvals()).extracting(a -> a.approverId() + "@" + a.stepId())
                .containsExactly("ops:jane@cutover");
        assertThat(run.steps().get(run.steps().size() - 1).note()).contains("localhost:" + restorePort,
                "approved by 'ops:jane'", "kept for forensics");
    }

    @Test
    @Order(3)
    void aCompleteFailureRestoresEveryTargetOfTheGroupAfterWhatItDependsOn() throws Exception {
        String reportsBackup = fullBackup(REPORTS);
        ShopSql.sql(pg, "INSERT INTO ledger VALUES (300, 'the newest archived write')");
        String last = ShopSql.text(pg, "SELECT pg_current_wal_insert_lsn()::text");
        ShopSql.sql(pg, "SELECT pg_switch_wal()");
        Await.until("the newest write archived", PATIENCE, () -> kafka.read(Topics.ARCHIVE_EVENTS.name(),
                ArchiveProgressed.class, TARGET).stream()
                .anyMatch(p -> ShopSql.lsn(p.archivedPosition()) > ShopSql.lsn(last)),
                () -> "not archived");
        String command = UUID.randomUUID().toString();

        kafka.send(new StartRestore(command, "shop", RestoreScenario.COMPLETE_FAILURE, null, null, null, false,
                "ops:jane", "the data centre is gone", null, 1));

        String runId = "recovery-" + command;
        Await.until("the group restored", PATIENCE, () -> runOf("shop") != null && runId.equals(runOf("shop")
                .runId()) && runOf("shop").finishedAt() != null, () -> "run: " + runOf("shop") + "; log: " + dr.log());
        DrRunUpdated run = runOf("shop");
        assertThat(run.status()).as(run.outcome()).isEqualTo("COMPLETED");
        assertThat(run.steps()).extracting(step -> step.id()).containsExactly("restore-layer-1", "await-layer-1",
                "restore-layer-2", "await-layer-2", "report");
        RestoreCompleted db = restored(runId + "-" + TARGET, TARGET);
        RestoreCompleted reports = restored(runId + "-" + REPORTS, REPORTS);
        assertThat(reports.backupId()).isEqualTo(reportsBackup);
        assertThat(reports.startedAt()).as("shop-reports waits for what it depends on").isAfterOrEqualTo(
                db.completedAt());
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + groupPorts[0] + "/"
                + DATABASE, pg.user(), pg.password()); Statement statement = connection.createStatement()) {
            assertThat(ShopSql.ids(statement)).as("replayed to the newest archived point").contains(1, 100, 200, 300);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + groupPorts[1] + "/"
                + REPORTS_DATABASE, pg.user(), pg.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT orders FROM daily")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(42);
        }
    }

    private static RestoreCompleted restored(String commandId, String target) {
        return kafka.read(Topics.BACKUP_EVENTS.name(), RestoreCompleted.class, target).stream()
                .filter(r -> r.commandId().equals(commandId)).findFirst().orElseThrow();
    }

    private static DrRunUpdated runOf(String key) {
        List<DrRunUpdated> runs = kafka.read(Topics.DR_RUNS.name(), DrRunUpdated.class, key);
        return runs.isEmpty() ? null : runs.get(runs.size() - 1);
    }

    private static String backup() {
        if (backupId == null) {
            backupId = fullBackup(TARGET);
        }
        return backupId;
    }

    private static String fullBackup(String target) {
        String command = UUID.randomUUID().toString();
        kafka.send(new RunBackup(command, target, Engine.POSTGRES, BackupType.FULL, "ops:jane", null, null, 1));
        Await.until("the full backup completed", PATIENCE, () -> kafka.read(Topics.BACKUP_EVENTS.name(),
                BackupCompleted.class, target).stream().anyMatch(b -> b.commandId().equals(command)), () -> "none");
        String backupId = kafka.read(Topics.BACKUP_EVENTS.name(), BackupCompleted.class, target).stream()
                .filter(b -> b.commandId().equals(command)).findFirst().orElseThrow().backupId();
        Await.until("the backup in the catalog", PATIENCE, () -> broker.readCommitted(Topics.CATALOG.name(),
                Duration.ofSeconds(5)).stream().anyMatch(r -> backupId.equals(r.key()) && r.value() != null),
                () -> "not catalogued");
        return backupId;
    }

    private static DrRunUpdated latestRun() {
        List<DrRunUpdated> runs = kafka.read(Topics.DR_RUNS.name(), DrRunUpdated.class, TARGET);
        return runs.isEmpty() ? null : runs.get(runs.size() - 1);
    }

}
