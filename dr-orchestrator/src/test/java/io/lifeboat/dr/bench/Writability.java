package io.lifeboat.dr.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * Polls a server in a new session every {@link #POLL} until it assigns a transaction id: a standby in recovery
 * refuses {@code txid_current()}, a primary grants one, so this is the moment writes are accepted.
 */
final class Writability {

    static final Duration POLL = Duration.ofMillis(25);

    private Writability() {
    }

    /**
     * Waits until {@code member} accepts a write.
     *
     * @param member the server to poll
     * @param limit how long to wait at most
     * @return the instant, as {@link System#nanoTime()}, of the first successful poll
     * @throws IllegalStateException when the member does not accept writes within {@code limit}
     */
    static long await(BenchSettings.Member member, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (acceptsWrite(member)) {
                    return System.nanoTime();
                }
            } catch (SQLException e) {
                last = e;
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException(member.url() + " did not accept a write within " + limit
                + (last == null ? "" : "; last error: " + last.getMessage()));
    }

    private static boolean acceptsWrite(BenchSettings.Member member) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", member.user());
        properties.setProperty("password", member.password());
        properties.setProperty("connectTimeout", "1");
        properties.setProperty("socketTimeout", "1");
        try (Connection connection = DriverManager.getConnection(member.url(), properties);
                Statement statement = connection.createStatement()) {
            statement.execute("select txid_current()");
            return true;
        }
    }
}
