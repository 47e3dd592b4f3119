package io.lifeboat.dr.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;

/** Reads a member's role, timeline, WAL positions and read-only default in one new session; never throws for I/O. */
public final class PgInspector {

    // pg_current_wal_lsn() and pg_walfile_name() fail during recovery, hence the CASEs. A primary's timeline comes
    // from its WAL file name: right after a promotion the checkpoint's timeline is still the old one until the
    // first checkpoint on the new timeline completes.
    private static final String QUERY = """
            SELECT pg_is_in_recovery(),
                   CASE WHEN pg_is_in_recovery() THEN (SELECT timeline_id FROM pg_control_checkpoint())::bigint
                        ELSE ('x' || substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8))::bit(32)::bigint END,
                   CASE WHEN pg_is_in_recovery() THEN NULL ELSE pg_current_wal_lsn()::text END,
                   pg_last_wal_receive_lsn()::text,
                   pg_last_wal_replay_lsn()::text,
                   current_setting('default_transaction_read_only') = 'on',
                   CASE WHEN NOT pg_is_in_recovery() THEN NULL
                        WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                        ELSE (extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::bigint
                   END
            """;

    private final Clock clock;

    /** An inspector on the system clock. */
    public PgInspector() {
        this(Clock.systemUTC());
    }

    /**
     * An inspector stamping states with {@code clock}.
     *
     * @param clock the clock for {@link PgMemberState#observedAt()}
     */
    public PgInspector(Clock clock) {
        this.clock = clock;
    }

    /**
     * Inspects {@code endpoint} in a new session.
     *
     * @param endpoint the member
     * @param timeout the connect and read limit
     * @return what was seen; an unreachable member gives a state with the error rather than an exception
     */
    public PgMemberState inspect(PgEndpoint endpoint, Duration timeout) {
        try (Connection connection = PgSessions.open(endpoint, timeout);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(QUERY)) {
            row.next();
            long lagMillis = row.getLong(7);
            Duration lag = row.wasNull() ? null : Duration.ofMillis(Math.max(0, lagMillis));
            long timelineId = row.getLong(2);
            Long timeline = row.wasNull() ? null : timelineId;
            return new PgMemberState(endpoint.name(), clock.instant(), true, null, row.getBoolean(1), timeline,
                    Lsn.parseOrNull(row.getString(3)),
                    Lsn.parseOrNull(row.getString(4)), Lsn.parseOrNull(row.getString(5)), row.getBoolean(6), lag);
        } catch (SQLException | RuntimeException e) {
            return PgMemberState.unreachable(endpoint.name(), clock.instant(), e.getMessage());
        }
    }
}
