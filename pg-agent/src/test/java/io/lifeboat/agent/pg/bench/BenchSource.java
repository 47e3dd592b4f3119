package io.lifeboat.agent.pg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lifeboat.testkit.postgres.PostgresOptions;
import io.lifeboat.testkit.postgres.PostgresServer;

/**
 * The source server of the PostgreSQL benchmarks: a test-kit PostgreSQL 15 (run as the {@code postgres} account)
 * with a {@code pgbench -i -s <scale>} database {@code bench}, and the queries the benchmarks compare.
 */
final class BenchSource implements AutoCloseable {

    static final String DATABASE = "bench";
    static final List<String> TABLES = List.of("pgbench_accounts", "pgbench_branches", "pgbench_tellers",
            "pgbench_history");

    final PostgresServer server;

    private BenchSource(PostgresServer server) {
        this.server = server;
    }

    /** Starts a server with the test kit's settings plus {@code config}, and creates the database. */
    static BenchSource start(String... config) {
        // Checkpoints during the load are not what is measured; the archive command is set later per benchmark.
        PostgresServer server = PostgresServer.start(PostgresOptions.defaults()
                .withConfig("max_wal_size = 4GB", "archive_command = '/bin/true'").withConfig(config));
        server.createDatabase(DATABASE);
        return new BenchSource(server);
    }

    /** {@code pgbench -i -s scale -q} into {@link #DATABASE}; returns seconds taken. */
    double pgbenchInit(int scale) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Shell.run(List.of(server.binDir().resolve("pgbench").toString(), "-i", "-q", "-s", String.valueOf(scale),
                "-h", server.host(), "-p", String.valueOf(server.port()), "-U", server.user(), DATABASE), env());
        return Shell.since(start);
    }

    /** Runs {@code pgbench} with {@code args} against {@link #DATABASE}. */
    String pgbench(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(server.binDir().resolve("pgbench").toString(), "-h",
                server.host(), "-p", String.valueOf(server.port()), "-U", server.user()));
        command.addAll(List.of(args));
        command.add(DATABASE);
        return Shell.run(command, env());
    }

    Map<String, String> env() {
        return Map.of("PGPASSWORD", server.password());
    }

    /** The unix socket directory (line 5 of postmaster.pid), for pgBackRest's local connection. */
    Path socketDir() throws IOException {
        return Path.of(Files.readAllLines(server.dataDir().resolve("postmaster.pid")).get(4).strip());
    }

    /** Size of every database, as PostgreSQL counts it. */
    long databaseBytes() throws SQLException {
        return number(server.jdbcUrl(DATABASE), "select sum(pg_database_size(oid)) from pg_database");
    }

    /** Runs one statement on {@link #DATABASE}. */
    void execute(String sql) throws SQLException {
        try (Connection connection = server.connect(DATABASE); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    long number(String sql) throws SQLException {
        return number(server.jdbcUrl(DATABASE), sql);
    }

    String text(String sql) throws SQLException {
        try (Connection connection = server.connect(DATABASE);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private long number(String url, String sql) throws SQLException {
        try (Connection connection = java.sql.DriverManager.getConnection(url, server.user(), server.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Row count of every pgbench table and the sum of the account balances, on the server at {@code port}. */
    Map<String, Long> fingerprint(int port) throws SQLException {
        Map<String, Long> result = new LinkedHashMap<>();
        try (Connection connection = java.sql.DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, server.user(), server.password());
                Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
                    rows.next();
                    result.put(table, rows.getLong(1));
                }
            }
            try (ResultSet rows = statement.executeQuery("select coalesce(sum(abalance), 0) from pgbench_accounts")) {
                rows.next();
                result.put("sum(abalance)", rows.getLong(1));
            }
        }
        return result;
    }

    @Override
    public void close() {
        server.close();
    }
}
