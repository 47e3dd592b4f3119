package io.lifeboat.dr.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.lifeboat.testkit.postgres.PostgresServer;

/** Statements against the {@code shop} database of {@link RecoveryRunbooksIT} and its {@code ledger} table. */
final class ShopSql {

    private ShopSql() {
    }

    /** Runs statements in one session. */
    static void sql(PostgresServer pg, String... statements) throws SQLException {
        try (Connection connection = pg.connect(RecoveryStack.DATABASE);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** The first value of a query, as text. */
    static String text(PostgresServer pg, String query) throws SQLException {
        try (Connection connection = pg.connect(RecoveryStack.DATABASE);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** The ledger's ids on a server. */
    static List<Integer> ids(PostgresServer server) throws SQLException {
        try (Connection connection = server.connect(RecoveryStack.DATABASE);
                Statement statement = connection.createStatement()) {
            return ids(statement);
        }
    }

    /** The ledger's ids in a session, in order. */
    static List<Integer> ids(Statement statement) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("SELECT id FROM ledger ORDER BY id")) {
            while (rows.next()) {
                ids.add(rows.getInt(1));
            }
        }
        return ids;
    }

    /** A PostgreSQL LSN ({@code 0/3000060}) as a number. */
    static long lsn(String text) {
        String[] parts = text.split("/");
        return (Long.parseLong(parts[0], 16) << 32) + Long.parseLong(parts[1], 16);
    }
}
