package io.lifeboat.testkit.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The few SQL statements the fixture runs itself, over JDBC (no psql). */
final class PostgresSql {

    private PostgresSql() {
    }

    static boolean queryBoolean(PostgresServer server, String sql) {
        try (Connection connection = server.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("unable to run '" + sql + "' on PostgreSQL at 127.0.0.1:" + server.port()
                    + ": " + e.getMessage(), e);
        }
    }

    static void execute(PostgresServer server, String sql) {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("unable to run '" + sql + "' on PostgreSQL at 127.0.0.1:" + server.port()
                    + ": " + e.getMessage(), e);
        }
    }
}
