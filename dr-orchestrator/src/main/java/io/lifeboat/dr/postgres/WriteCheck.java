package io.lifeboat.dr.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Verifies that a member accepts writes: in a new session with the member's own defaults (so a leftover read-only
 * fence shows), it creates {@code lifeboat_failover_check} if missing, upserts its one row and reads it back.
 * Idempotent: the table is created once and the row overwritten.
 */
public final class WriteCheck {

    /** The table the check writes to, in the endpoint's database. */
    public static final String TABLE = "lifeboat_failover_check";

    private static final String UPSERT = "INSERT INTO " + TABLE + " (id, at) VALUES (1, clock_timestamp()) "
            + "ON CONFLICT (id) DO UPDATE SET at = excluded.at RETURNING at";

    /**
     * Writes and reads back one row on {@code member}.
     *
     * @param member the member expected to be a writable primary
     * @param timeout the connect and statement limit
     * @return the value written and the time it took
     * @throws PgActionException naming the member and the cause when the write or the read fails
     */
    public WriteCheckResult verify(PgEndpoint member, Duration timeout) {
        long start = System.nanoTime();
        try (Connection connection = PgSessions.open(member, timeout);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (id int PRIMARY KEY, at timestamptz)");
            OffsetDateTime written;
            try (ResultSet row = statement.executeQuery(UPSERT)) {
                row.next();
                written = row.getObject(1, OffsetDateTime.class);
            }
            OffsetDateTime readBack = readBack(connection);
            if (!written.equals(readBack)) {
                throw new PgActionException(member.name(), "write check on PostgreSQL member '" + member.name()
                        + "': wrote " + written + " but read back " + readBack, null);
            }
            return new WriteCheckResult(member.name(), written, Duration.ofNanos(System.nanoTime() - start));
        } catch (SQLException e) {
            throw new PgActionException(member.name(), "PostgreSQL member '" + member.name()
                    + "' does not accept writes: " + e.getMessage(), e);
        }
    }

    private static OffsetDateTime readBack(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT at FROM " + TABLE + " WHERE id = ?")) {
            select.setInt(1, 1);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getObject(1, OffsetDateTime.class) : null;
            }
        }
    }
}
