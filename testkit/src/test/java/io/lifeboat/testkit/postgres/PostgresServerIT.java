package io.lifeboat.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lifeboat.testkit.process.Await;

class PostgresServerIT {

    private static PostgresServer server;

    @BeforeAll
    static void startServer() {
        long begin = System.nanoTime();
        server = PostgresServer.start();
        System.out.printf("PostgreSQL primary started in %d ms%n", (System.nanoTime() - begin) / 1_000_000);
    }

    @AfterAll
    static void closeServer() {
        server.close();
    }

    @Test
    void returnsRowsInsertedOverJdbc() throws SQLException {
        update(server, "create table targets (id text primary key, engine text not null)");
        update(server, "insert into targets values ('orders-db', 'postgres'), ('cache', 'redis')");

        assertThat(strings(server, "select id || '=' || engine from targets order by id"))
                .containsExactly("cache=redis", "orders-db=postgres");
    }

    @Test
    void connectsToADatabaseItCreated() throws SQLException {
        server.createDatabase("catalog_copy");

        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("catalog_copy"), server.user(),
                server.password())) {
            assertThat(single(connection, "select current_database() || ' as ' || current_user"))
                    .isEqualTo("catalog_copy as lifeboat");
        }
    }

    @Test
    void refusesTcpConnectionsWithAWrongPassword() {
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), server.user(), "wrong").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed for user \"lifeboat\"");
    }

    @Test
    void streamsATarBaseBackupToStdoutWithBackupLabelAndManifest(@TempDir Path dir) throws Exception {
        Path tar = dir.resolve("base.tar");
        ProcessBuilder backup = new ProcessBuilder(server.binDir().resolve("pg_basebackup").toString(), "-D", "-",
                "-Ft",
                "-Xf", "-c", "fast", "-l", "lifeboat-it", "-h", server.host(), "-p", String.valueOf(server.port()),
                "-U", server.user())
                .redirectOutput(tar.toFile())
                .redirectError(dir.resolve("stderr.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        backup.environment().put("PGPASSWORD", server.password());
        Process process = backup.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("stderr.log"))).isZero();

        Map<String, byte[]> entries = TarEntries.read(tar);
        assertThat(entries).containsKeys("backup_label", "backup_manifest", "PG_VERSION", "global/pg_control");
        assertThat(entries.keySet()).anyMatch(name -> name.matches("pg_wal/[0-9A-F]{24}"));
        assertThat(new String(entries.get("backup_label"), StandardCharsets.UTF_8))
                .contains("START WAL LOCATION", "BACKUP METHOD: streamed", "LABEL: lifeboat-it");
        assertThat(new String(entries.get("backup_manifest"), StandardCharsets.UTF_8))
                .contains("\"PostgreSQL-Backup-Manifest-Version\": 1", "\"Path\": \"backup_label\"",
                        "\"WAL-Ranges\"", "\"Manifest-Checksum\"");
    }

    @Test
    void archivesTheSegmentClosedByPgSwitchWal() throws SQLException {
        update(server, "create table wal_probe as select generate_series(1, 1000) as n");
        String segment = single(server, "select pg_walfile_name(pg_switch_wal())");

        Path archived = server.archiveDir().resolve(segment);
        Await.until("WAL segment " + segment + " in " + server.archiveDir(), Duration.ofSeconds(30),
                () -> Files.exists(archived), () -> "archive holds " + List.of(server.archiveDir().toFile().list()));
        Await.until("archived segment " + segment + " to be complete", Duration.ofSeconds(10),
                () -> archived.toFile().length() == 16 * 1024 * 1024, () -> "size " + archived.toFile().length());
        assertThat(single(server, "select last_archived_wal from pg_stat_archiver")).isNotNull();
    }

    @Test
    void replaysPrimaryWritesOnTheStandbyAndAcceptsWritesAfterPromotion() throws SQLException {
        try (PostgresServer standby = server.startStandby()) {
            assertThat(standby.port()).isNotEqualTo(server.port());
            assertThat(standby.isInRecovery()).isTrue();
            Await.until("the standby to stream from its slot", Duration.ofSeconds(30),
                    () -> exists(server, "select 1 from pg_replication_slots where active"), () -> "");
            assertThat(single(server, "select string_agg(slot_name || ':' || active, ',') from pg_replication_slots"))
                    .matches("lifeboat_standby_\\d+:true");

            update(server, "create table failover_probe (id int primary key, note text)");
            update(server, "insert into failover_probe values (1, 'written on the primary')");
            Await.until("the standby to replay row 1", Duration.ofSeconds(30),
                    () -> exists(standby, "select 1 from failover_probe where id = 1"), () -> "");
            assertThatThrownBy(() -> update(standby, "insert into failover_probe values (9, 'refused')"))
                    .hasMessageContaining("read-only transaction");

            standby.promote();

            assertThat(standby.isInRecovery()).isFalse();
            update(standby, "insert into failover_probe values (2, 'written after promotion')");
            assertThat(strings(standby, "select note from failover_probe order by id"))
                    .containsExactly("written on the primary", "written after promotion");
        }
        assertThat(single(server, "select count(*)::text from pg_replication_slots")).isEqualTo("0");
    }

    @Test
    void keepsCommittedRowsAcrossAnImmediateShutdownAndRestart() throws SQLException, IOException {
        try (PostgresServer crashing = PostgresServer.start()) {
            update(crashing, "create table orders as select generate_series(1, 500) as id");

            crashing.stop(ShutdownMode.IMMEDIATE);
            crashing.restart();

            assertThat(single(crashing, "select count(*)::text from orders")).isEqualTo("500");
            assertThat(Files.readString(crashing.logFile())).contains("automatic recovery in progress");
        }
    }

    @Test
    void stopsTheServerAndDeletesItsTempDirOnClose() {
        PostgresServer closing = PostgresServer.start();
        Path root = closing.dataDir().getParent();
        assertThat(root.resolve("data/postmaster.pid")).exists();

        closing.close();

        assertThat(root).doesNotExist();
        assertThatThrownBy(() -> DriverManager.getConnection(closing.jdbcUrl(), closing.user(), closing.password()))
                .isInstanceOf(SQLException.class).hasMessageContaining("Connection");
    }

    @Test
    void quotesTheServerLogAndLeavesNoTempDirWhenTheServerCannotStart() {
        assertThatThrownBy(() -> PostgresServer.start(PostgresOptions.defaults().withConfig("shared_buffers = 'lots'")))
                .hasMessageContaining("did not start on 127.0.0.1:")
                .hasMessageContaining("invalid value for parameter \"shared_buffers\": \"lots\"")
                .satisfies(e -> {
                    Matcher dataDir = Pattern.compile("PostgreSQL in (\\S+) did not start").matcher(e.getMessage());
                    assertThat(dataDir.find()).isTrue();
                    assertThat(Path.of(dataDir.group(1)).getParent()).doesNotExist();
                });
    }

    private static void update(PostgresServer target, String sql) throws SQLException {
        try (Connection connection = target.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String single(PostgresServer target, String sql) throws SQLException {
        try (Connection connection = target.connect()) {
            return single(connection, sql);
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as("a row from " + sql).isTrue();
            return rows.getString(1);
        }
    }

    private static List<String> strings(PostgresServer target, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = target.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static boolean exists(PostgresServer target, String sql) {
        try (Connection connection = target.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next();
        } catch (SQLException e) {
            return false;
        }
    }
}
