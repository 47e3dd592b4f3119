package io.lifeboat.agent.pg.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.lifeboat.agentkit.agent.domain.BackupIds;
import io.lifeboat.events.Topics;
import io.lifeboat.events.archive.ArchiveProgressed;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.RestoreBackup;
import io.lifeboat.events.backup.RestoreCompleted;
import io.lifeboat.events.backup.RestoreFailed;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.testkit.postgres.PostgresServer;
import io.lifeboat.testkit.postgres.ShutdownMode;
import io.lifeboat.testkit.process.Await;
import io.lifeboat.testkit.process.FreePorts;
import io.lifeboat.testkit.process.TempDirs;
import io.lifeboat.testkit.quarkus.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Point-in-time and latest restores through the agent: a FULL backup plus the continuously archived WAL of a real
 * PostgreSQL 15, restored into new data directories by {@code RestoreBackup} commands on Kafka.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PgAgentTestResource.class)
class PgRestoreIT {

    @Test
    void restoreToATimeBetweenTwoInsertsHasExactlyTheRowsCommittedBeforeIt() throws Exception {
        PostgresServer server = PostgresServer.shared();
        PgSql.execute(server, "create table pitr_rows (id int primary key, note text)");
        backup(PgAgentTestResource.ARCHIVED);
        PgSql.execute(server, "insert into pitr_rows select g, 'before' from generate_series(1, 100) g");
        Instant between = PgSql.serverTime(server);
        Thread.sleep(50);
        PgSql.execute(server, "insert into pitr_rows select g, 'after' from generate_series(101, 200) g");
        awaitArchived(PgAgentTestResource.ARCHIVED, PgSql.currentLsn(server));

        Path dir = PgSql.restoreRoot("pg-agent-pitr");
        Envelope<RestoreBackup> restore = PgKafka.restore(PgAgentTestResource.ARCHIVED,
                dir.resolve("data").toString(), point -> point.at(between));
        PgKafka.sendAndAwait(restore);

        RestoreCompleted completed = outcome(restore, RestoreCompleted.class);
        assertThat(completed.restoredTo()).isBeforeOrEqualTo(between);
        assertThat(completed.restoredToPosition()).matches("[0-9A-F]+/[0-9A-F]+");
        assertThat(completed.restoredBytes()).isPositive();
        assertThat(dir.resolve("data/recovery.signal")).doesNotExist();
        try (RestoredCluster restored = RestoredCluster.startOn(dir.resolve("data"), server.binDir());
                Connection connection = restored.connect(PgAgentTestResource.DATABASE, server.user(),
                        server.password())) {
            assertThat(count(connection, "select count(*) from pitr_rows where note = 'before'")).isEqualTo(100);
            assertThat(count(connection, "select count(*) from pitr_rows where note = 'after'")).isZero();
            assertThat(count(connection, "select count(*) from pg_settings where name = 'recovery_target_time' "
                    + "and setting <> ''")).as("recovery settings reset after promotion").isZero();
        }
    }

    @Test
    void restoreToLatestAfterACrashLosesAtMostTheLastSecondAndAGapIsReported() throws Exception {
        PostgresServer server = PgAgentTestResource.crashServer;
        PgSql.execute(server, "create table crash_rows (id int primary key, committed_at timestamptz)");
        backup(PgAgentTestResource.CRASH);

        List<Instant> acknowledged = new ArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> write(server, acknowledged, writing), "crash-writer");
        writer.start();
        for (int i = 0; i < 2; i++) {
            Thread.sleep(1_500);
            PgSql.execute(server, "select pg_switch_wal()"); // several segments, so that one can go missing below
        }
        Thread.sleep(1_000);
        server.stop(ShutdownMode.IMMEDIATE);
        Instant crashedAt = Instant.now();
        writing.set(false);
        writer.join(30_000);
        Thread.sleep(3_000); // the archiver notices the broken stream and stores its last partial

        Path dir = PgSql.restoreRoot("pg-agent-latest");
        Envelope<RestoreBackup> latest = PgKafka.restore(PgAgentTestResource.CRASH, dir.resolve("data").toString(),
                PgKafka.RestorePoint::toLatest);
        PgKafka.sendAndAwait(latest);
        RestoreCompleted completed = outcome(latest, RestoreCompleted.class);

        int restoredRows;
        try (RestoredCluster restored = RestoredCluster.startOn(dir.resolve("data"), server.binDir());
                Connection connection = restored.connect(PgAgentTestResource.DATABASE, server.user(),
                        server.password())) {
            restoredRows = count(connection, "select count(*) from crash_rows");
            assertThat(count(connection, "select count(*) from crash_rows where id > " + acknowledged.size()))
                    .as("no row beyond those attempted").isZero();
            assertThat(count(connection, "select max(id) - count(*) from crash_rows")).as("no hole").isZero();
        }
        // Every row acknowledged more than the partial interval (1 s) plus scheduling slack before the crash.
        Instant safe = crashedAt.minus(Duration.ofMillis(2_500));
        long mustHave = acknowledged.stream().filter(t -> t.isBefore(safe)).count();
        Instant lastRestored = acknowledged.get(restoredRows - 1);
        System.out.printf("crash restore: %d of %d acknowledged rows restored; newest restored row acknowledged "
                + "%d ms before the crash; restoredTo %s%n", restoredRows, acknowledged.size(),
                Duration.between(lastRestored, crashedAt).toMillis(), completed.restoredTo());
        assertThat((long) restoredRows).isGreaterThanOrEqualTo(mustHave);

        // A hole in the chain: remove one archived segment; the latest point can no longer be reached.
        Path walDir = PgAgentTestResource.storeRoot.resolve(PgAgentTestResource.CRASH).resolve("wal/00000001");
        List<String> segments;
        try (var files = Files.list(walDir)) {
            segments = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("[0-9A-F]{24}")).sorted()
                    .toList();
        }
        assertThat(segments.size()).isGreaterThanOrEqualTo(2);
        String removed = segments.get(segments.size() - 1); // after the backup's end, before the partial tail
        Files.delete(walDir.resolve(removed));
        Path again = PgSql.restoreRoot("pg-agent-gap");
        Envelope<RestoreBackup> gap = PgKafka.restore(PgAgentTestResource.CRASH, again.resolve("data").toString(),
                PgKafka.RestorePoint::toLatest);
        PgKafka.sendAndAwait(gap);
        RestoreFailed failed = outcome(gap, RestoreFailed.class);
        assertThat(failed.failedStep()).isEqualTo("replay");
        assertThat(failed.reason()).contains("WAL segment " + removed, "missing from the archive");
        assertThat(failed.retryable()).isFalse();
    }

    @Test
    void aRestoreIntoANonEmptyDirectoryIsRefusedAndNothingInItIsTouched() throws Exception {
        backup(PgAgentTestResource.ARCHIVED);
        Path dir = TempDirs.create("pg-agent-occupied");
        Files.writeString(dir.resolve("keep.txt"), "precious");
        Envelope<RestoreBackup> restore = PgKafka.restore(PgAgentTestResource.ARCHIVED, dir.toString(),
                PgKafka.RestorePoint::toLatest);
        PgKafka.sendAndAwait(restore);
        RestoreFailed failed = outcome(restore, RestoreFailed.class);
        assertThat(failed.failedStep()).isEqualTo("destination");
        assertThat(failed.reason()).contains(dir.toString(), "is not empty");
        assertThat(Files.readString(dir.resolve("keep.txt"))).isEqualTo("precious");
    }

    @Test
    void aScratchServerWithDiscardAfterAnswersAfterTheRestoreAndIsThenStoppedAndRemoved() throws Exception {
        PostgresServer server = PostgresServer.shared();
        PgSql.execute(server, "create table drill_rows (id int primary key)");
        PgSql.execute(server, "insert into drill_rows select g from generate_series(1, 10) g");
        String backupId = backup(PgAgentTestResource.ARCHIVED);
        Path dir = PgSql.restoreRoot("pg-agent-discard");
        Path dataDir = dir.resolve("data");
        int port = FreePorts.find();
        // Long enough that the query below always comes first, however slowly the outcome is read back.
        Envelope<RestoreBackup> restore = PgKafka.restore(PgAgentTestResource.ARCHIVED,
                dataDir + "?port=" + port + "&keep-running=true&discard-after=PT20S", point -> point.backup(backupId));
        PgKafka.send(restore);
        Await.until("the outcome of restore " + restore.payload().commandId(), PgKafka.PATIENCE,
                () -> !PgKafka.factsOf(restore).stream().filter(f -> f.payload() instanceof RestoreCompleted
                        || f.payload() instanceof RestoreFailed).toList().isEmpty(),
                () -> "facts: " + PgKafka.factsOf(restore));
        outcome(restore, RestoreCompleted.class);
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/"
                + PgAgentTestResource.DATABASE, server.user(), server.password())) {
            assertThat(count(connection, "select count(*) from drill_rows")).isEqualTo(10);
        }

        Await.until("the scratch server on port " + port + " stopped and " + dataDir + " removed",
                Duration.ofSeconds(60), () -> !listening(port) && !Files.exists(dataDir),
                () -> "listening: " + listening(port) + ", directory exists: " + Files.exists(dataDir));
        assertThat(dir.resolve(".data.lifeboat-wal")).doesNotExist();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void write(PostgresServer server, List<Instant> acknowledged, AtomicBoolean writing) {
        try (Connection connection = server.connect(PgAgentTestResource.DATABASE);
                Statement statement = connection.createStatement()) {
            for (int id = 1; writing.get(); id++) {
                statement.execute("insert into crash_rows values (" + id + ", clock_timestamp())");
                synchronized (acknowledged) {
                    acknowledged.add(Instant.now());
                }
                Thread.sleep(5);
            }
        } catch (SQLException e) {
            // The crash ends the connection: the writer stops with what was acknowledged.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String backup(String targetId) throws Exception {
        Envelope<RunBackup> command = PgKafka.runBackup(targetId, BackupType.FULL);
        PgKafka.sendAndAwait(command);
        assertThat(PgKafka.factsOf(command)).last().extracting(f -> f.payload().getClass().getSimpleName())
                .isEqualTo("BackupCompleted");
        return BackupIds.backupId(command.payload());
    }

    private static <T> T outcome(Envelope<?> command, Class<T> type) {
        List<Envelope<?>> outcomes = PgKafka.factsOf(command).stream()
                .filter(f -> f.payload() instanceof RestoreCompleted || f.payload() instanceof RestoreFailed)
                .toList();
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).payload()).isInstanceOf(type);
        return type.cast(outcomes.get(0).payload());
    }

    private static void awaitArchived(String targetId, long lsn) {
        Await.until("WAL of target '" + targetId + "' archived past " + Long.toHexString(lsn), PgKafka.PATIENCE,
                () -> PgKafka.events(Topics.ARCHIVE_EVENTS.name(), e -> e.payload() instanceof ArchiveProgressed p
                        && p.targetId().equals(targetId) && PgSql.lsn(p.archivedPosition()) >= lsn).size() > 0,
                () -> "archive events seen: " + PgKafka.events(Topics.ARCHIVE_EVENTS.name(),
                        e -> e.subject().equals(targetId)).size());
    }

    private static int count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
