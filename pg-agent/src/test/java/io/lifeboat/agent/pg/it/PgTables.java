package io.lifeboat.agent.pg.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.lifeboat.testkit.postgres.PostgresServer;

/** Seeds a table of numbered rows on the fixture and reads a table's rows back, in id order, anywhere. */
final class PgTables {

    private PgTables() {
    }

    /** Creates {@code table} in the test database with {@code rows} rows {@code (id, 'row-<id>')}. */
    static void seed(String table, int rows) throws SQLException {
        try (Connection connection = PostgresServer.shared().connect(PgAgentTestResource.DATABASE);
                Statement statement = connection.createStatement()) {
            statement.execute("create table " + table + " (id int primary key, name text not null)");
            statement.execute("insert into " + table + " select i, 'row-' || i from generate_series(1, " + rows
                    + ") i");
        }
    }

    /** Every row of {@code table} as {@code id:name}, ordered by id. */
    static List<String> rows(Connection connection, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select id, name from " + table + " order by id")) {
            while (result.next()) {
                rows.add(result.getInt(1) + ":" + result.getString(2));
            }
        }
        return rows;
    }

    static List<String> rowsOnFixture(String table) throws SQLException {
        try (Connection connection = PostgresServer.shared().connect(PgAgentTestResource.DATABASE)) {
            return rows(connection, table);
        }
    }
}
