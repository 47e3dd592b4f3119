package io.lifeboat.agent.pg.engine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** JDBC connections to a target and the single-value queries the engines run before and around a backup. */
public final class PgSql {

    private static final int CONNECT_TIMEOUT_SECONDS = 15;

    private PgSql() {
    }

    /** A new connection to the target's database; fails naming the target and the server's reason. */
    public static Connection connect(PgTarget target) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", target.user());
        target.password().ifPresent(password -> props.setProperty("password", password));
        props.setProperty("ApplicationName", "lifeboat-pg-agent");
        props.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        String url = "jdbc:postgresql://" + target.host() + ":" + target.port() + "/" + target.database();
        try {
            return DriverManager.getConnection(url, props);
        } catch (SQLException e) {
            throw new SQLException("unable to connect to " + target.describe() + ": " + e.getMessage(),
                    e.getSQLState(), e);
        }
    }

    /** The first column of the first row of {@code sql} as text. */
    static String text(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            if (!rows.next()) {
                throw new SQLException("no row from: " + sql);
            }
            return rows.getString(1);
        }
    }

    /** The first column of the first row of {@code sql} as a number. */
    static long number(Connection connection, String sql) throws SQLException {
        return Long.parseLong(text(connection, sql));
    }
}
