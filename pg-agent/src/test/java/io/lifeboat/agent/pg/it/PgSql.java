package io.lifeboat.agent.pg.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import io.lifeboat.testkit.postgres.PostgresServer;
import io.lifeboat.testkit.process.OsUser;
import io.lifeboat.testkit.process.TempDirs;

/** SQL and file-system steps the restore tests share: statements on a source server, its clock and WAL position. */
final class PgSql {

    private PgSql() {
    }

    static void execute(PostgresServer server, String sql) throws SQLException {
        try (Connection connection = server.connect(PgAgentTestResource.DATABASE);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static Instant serverTime(PostgresServer server) throws SQLException {
        try (Connection connection = server.connect(PgAgentTestResource.DATABASE);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select clock_timestamp()")) {
            rows.next();
            return rows.getTimestamp(1).toInstant();
        }
    }

    static long currentLsn(PostgresServer server) throws SQLException {
        try (Connection connection = server.connect(PgAgentTestResource.DATABASE);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select pg_current_wal_lsn()::text")) {
            rows.next();
            return lsn(rows.getString(1));
        }
    }

    /** {@code 0/3000060} as a number. */
    static long lsn(String text) {
        String[] parts = text.split("/");
        return (Long.parseLong(parts[0], 16) << 32) + Long.parseLong(parts[1], 16);
    }

    /** A temp dir the server's account may enter, as a restore destination's parent must be. */
    static Path restoreRoot(String name) {
        Path dir = TempDirs.create(name);
        new OsUser("postgres").takeOwnership(dir);
        return dir;
    }
}
