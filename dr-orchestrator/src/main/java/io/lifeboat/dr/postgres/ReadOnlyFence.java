package io.lifeboat.dr.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The first fencing layer: {@code ALTER SYSTEM SET default_transaction_read_only = on} (kept in
 * postgresql.auto.conf, so it survives a restart), a reload, and then every client session but this one terminated,
 * so sessions opened before the fence, or that turned read-only off for themselves, are cut.
 *
 * <p>{@code default_transaction_read_only} is only a default: a new session can still
 * {@code SET transaction_read_only = off} and write. It stops ordinary clients, not a determined one; a
 * {@link FenceCommand} that stops the server is the stronger layer.
 */
final class ReadOnlyFence {

    private static final String TERMINATE = """
            SELECT coalesce(sum(CASE WHEN pg_terminate_backend(pid) THEN 1 ELSE 0 END), 0)
              FROM pg_stat_activity
             WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
            """;
    private static final Duration POLL = Duration.ofMillis(50);

    private ReadOnlyFence() {
    }

    static ReadOnlyOutcome apply(PgEndpoint member, Duration timeout) {
        Connection connection;
        try {
            connection = PgSessions.open(member, timeout);
        } catch (SQLException e) {
            return new ReadOnlyOutcome(ReadOnlyOutcome.Status.UNREACHABLE, 0, e.getMessage());
        }
        try (connection; Statement statement = connection.createStatement()) {
            statement.execute("ALTER SYSTEM SET default_transaction_read_only = on");
            statement.execute("SELECT pg_reload_conf()");
            // The reload is asynchronous: cut sessions only once new ones start read-only, or a client reconnecting
            // at once could still get a writable session.
            awaitReadOnlyForNewSessions(member, timeout);
            try (ResultSet row = statement.executeQuery(TERMINATE)) {
                row.next();
                return new ReadOnlyOutcome(ReadOnlyOutcome.Status.APPLIED, row.getInt(1), null);
            }
        } catch (SQLException | IllegalStateException e) {
            return new ReadOnlyOutcome(ReadOnlyOutcome.Status.FAILED, 0, e.getMessage());
        }
    }

    private static void awaitReadOnlyForNewSessions(PgEndpoint member, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Connection fresh = PgSessions.open(member, timeout);
                    Statement statement = fresh.createStatement();
                    ResultSet row = statement.executeQuery("SHOW default_transaction_read_only")) {
                row.next();
                if ("on".equals(row.getString(1))) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("new sessions on PostgreSQL member '" + member.name()
                        + "' still start writable " + timeout.toMillis() + " ms after the configuration reload");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while fencing PostgreSQL member '" + member.name() + "'",
                        e);
            }
        }
    }
}
