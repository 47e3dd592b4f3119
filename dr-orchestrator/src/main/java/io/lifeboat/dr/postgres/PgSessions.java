package io.lifeboat.dr.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/** Opens JDBC sessions whose connect, login and socket timeouts are all bounded, so a dead host cannot hang a step. */
public final class PgSessions {

    /** The application name the fence leaves alone and operators see in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "lifeboat-dr-orchestrator";

    private PgSessions() {
    }

    /**
     * Opens a new session on {@code endpoint}.
     *
     * @param endpoint the member
     * @param timeout the limit for connecting and for any single network read (whole seconds, at least one)
     * @return an open connection in auto-commit mode
     * @throws SQLException when the member cannot be reached or refuses the login
     */
    public static Connection open(PgEndpoint endpoint, Duration timeout) throws SQLException {
        String seconds = String.valueOf(seconds(timeout));
        Properties properties = new Properties();
        properties.setProperty("user", endpoint.user());
        if (endpoint.password() != null) {
            properties.setProperty("password", endpoint.password());
        }
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("loginTimeout", seconds);
        properties.setProperty("socketTimeout", seconds);
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        return DriverManager.getConnection(endpoint.jdbcUrl(), properties);
    }

    /** Whole seconds of {@code timeout}, rounded up and at least one (the driver's unit; zero would mean forever). */
    static long seconds(Duration timeout) {
        long millis = Math.max(1, timeout.toMillis());
        return Math.max(1, (millis + 999) / 1000);
    }
}
