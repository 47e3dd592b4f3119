package io.lifeboat.health.probe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.postgresql.Driver;

/**
 * Connects to a PostgreSQL server, runs {@code SELECT 1}, reads whether it is a primary or a standby and, on a
 * standby, how far its replay is behind; optionally measures the disk holding its data directory.
 */
final class PostgresProbe extends TimedProbe {

    private static final String LAG = "select pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())"
            + "::bigint, extract(epoch from now() - pg_last_xact_replay_timestamp())::float8";

    private final String url;
    private final String user;
    private final String password;
    private final Duration maxReplayLag;
    private final Path dataDirectory;

    PostgresProbe(String name, String url, String user, String password, Duration maxReplayLag,
            Path dataDirectory) {
        super(name, instanceOf(url));
        this.url = url;
        this.user = user;
        this.password = password;
        this.maxReplayLag = maxReplayLag;
        this.dataDirectory = dataDirectory;
    }

    /** {@code host:port} of a JDBC URL, or null when the driver does not accept it. */
    static String instanceOf(String url) {
        Properties parsed = Driver.parseURL(url, null);
        if (parsed == null) {
            return null;
        }
        return parsed.getProperty("PGHOST", "localhost") + ":" + parsed.getProperty("PGPORT", "5432");
    }

    @Override
    Outcome check(Attempt attempt) throws Exception {
        attempt.step("connect");
        try (Connection connection = new Driver().connect(url, properties(attempt));
                Statement statement = connection.createStatement()) {
            attempt.step("SELECT 1");
            query(statement, "select 1");
            attempt.step("SELECT pg_is_in_recovery()");
            boolean standby;
            try (ResultSet rs = statement.executeQuery("select pg_is_in_recovery()")) {
                rs.next();
                standby = rs.getBoolean(1);
            }
            List<ResourceUsage> usages = new ArrayList<>();
            if (dataDirectory != null) {
                attempt.step("disk usage of " + dataDirectory);
                if (!Files.isDirectory(dataDirectory)) {
                    throw new ProbeFailure("data directory " + dataDirectory + " of " + instance()
                            + " is not a directory on this host");
                }
                usages.add(Usages.disk(dataDirectory));
            }
            if (!standby) {
                return new Outcome("primary", null, usages);
            }
            attempt.step("replay lag query");
            return standby(statement, usages);
        }
    }

    private Outcome standby(Statement statement, List<ResourceUsage> usages) throws SQLException, ProbeFailure {
        Long bytes;
        Double seconds;
        try (ResultSet rs = statement.executeQuery(LAG)) {
            rs.next();
            long b = rs.getLong(1);
            bytes = rs.wasNull() ? null : b;
            double s = rs.getDouble(2);
            seconds = rs.wasNull() ? null : s;
        }
        Duration lag = lag(bytes, seconds);
        Outcome outcome = new Outcome("standby", lag, usages);
        if (maxReplayLag != null && lag != null && lag.compareTo(maxReplayLag) > 0) {
            throw new ProbeFailure("standby " + instance() + " replays " + Words.duration(lag)
                    + " behind its primary" + (bytes == null ? "" : " (" + Words.bytes(bytes) + " not replayed)")
                    + ", above max-replay-lag " + Words.duration(maxReplayLag), outcome);
        }
        return outcome;
    }

    /**
     * A standby that has replayed all it received is not behind, however long ago its primary's last transaction
     * was; only one with WAL still to replay is as far behind as that transaction's age. Without a WAL receiver
     * (replay from an archive) the age is all there is.
     */
    static Duration lag(Long unreplayedBytes, Double secondsSinceLastReplay) {
        if (unreplayedBytes != null && unreplayedBytes <= 0) {
            return Duration.ZERO;
        }
        if (secondsSinceLastReplay == null) {
            return null;
        }
        return Duration.ofMillis(Math.max(0, Math.round(secondsSinceLastReplay * 1000)));
    }

    private Properties properties(Attempt attempt) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        // The probe's own hard timeout decides and names the step it stopped at; the driver's timeouts are only a
        // backstop a second later that frees its socket (at the same second, a loaded machine let either win).
        String seconds = String.valueOf(attempt.timeoutSeconds() + 1);
        properties.setProperty("loginTimeout", seconds);
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("socketTimeout", seconds);
        properties.setProperty("ApplicationName", "lifeboat-health-monitor");
        return properties;
    }

    private static void query(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
        }
    }
}
