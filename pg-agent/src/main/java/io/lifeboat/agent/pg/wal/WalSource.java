package io.lifeboat.agent.pg.wal;

import java.io.IOException;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.copy.CopyDual;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.PGStream;
import org.postgresql.core.QueryExecutorBase;
import org.postgresql.core.v3.replication.V3PGReplicationStream;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;
import org.postgresql.replication.ReplicationType;

/**
 * The PostgreSQL side of WAL archiving: a normal connection for slot, settings and head readings, and a replication
 * connection for {@code IDENTIFY_SYSTEM} and the physical stream.
 */
final class WalSource implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WalSource.class.getName());

    // The replication grammar takes the slot name as a bare identifier: anything else could change the command.
    private static final Pattern SEGMENT_IN_MESSAGE = Pattern.compile("[0-9A-F]{24}");
    private static final Pattern SLOT_NAME = Pattern.compile("[a-z0-9_]{1,63}");
    // A blocking read only happens after the walsender ended the stream (end of its timeline): do not wait long.
    private static final int REPLICATION_SOCKET_TIMEOUT_SECONDS = 5;
    private static final long STATUS_INTERVAL_MILLIS = TimeUnit.SECONDS.toMillis(10);

    private final WalArchiverSettings settings;
    private final Connection sql;
    private final Connection replication;
    private final boolean commitTimestamps;

    WalSource(WalArchiverSettings settings) throws SQLException {
        if (!SLOT_NAME.matcher(settings.slotName()).matches()) {
            throw new IllegalArgumentException("replication slot name '" + settings.slotName() + "' of target '"
                    + settings.targetId() + "' is not 1 to 63 of a-z, 0-9 and _");
        }
        this.settings = settings;
        this.sql = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
        try {
            Properties props = new Properties();
            PGProperty.USER.set(props, settings.user());
            PGProperty.PASSWORD.set(props, settings.password());
            PGProperty.REPLICATION.set(props, "true");
            PGProperty.ASSUME_MIN_SERVER_VERSION.set(props, "9.4");
            PGProperty.PREFER_QUERY_MODE.set(props, "simple");
            PGProperty.SOCKET_TIMEOUT.set(props, REPLICATION_SOCKET_TIMEOUT_SECONDS);
            this.replication = DriverManager.getConnection(settings.jdbcUrl(), props);
            this.commitTimestamps = "on".equals(single("SELECT current_setting('track_commit_timestamp')"));
        } catch (SQLException e) {
            sql.close();
            throw e;
        }
    }

    /** {@code wal_segment_size} in bytes. */
    long segmentSize() throws SQLException {
        return Long.parseLong(single("SELECT setting FROM pg_settings WHERE name = 'wal_segment_size'"));
    }

    /** The timeline the server streams now ({@code IDENTIFY_SYSTEM}). */
    long timeline() throws SQLException {
        try (Statement st = replication.createStatement(); ResultSet rs = st.executeQuery("IDENTIFY_SYSTEM")) {
            rs.next();
            return rs.getLong("timeline");
        }
    }

    /** The slot's {@code restart_lsn}, creating the slot (reserving WAL at once) when it is missing. */
    long ensureSlot() throws SQLException {
        Optional<Long> existing = restartLsn();
        if (existing.isPresent()) {
            return existing.get();
        }
        try (PreparedStatement st = sql.prepareStatement("SELECT pg_create_physical_replication_slot(?, true)")) {
            st.setString(1, settings.slotName());
            st.execute();
        }
        return restartLsn().orElseThrow(() -> new SQLException("replication slot '" + settings.slotName()
                + "' vanished right after it was created"));
    }

    private Optional<Long> restartLsn() throws SQLException {
        try (PreparedStatement st = sql.prepareStatement(
                "SELECT restart_lsn FROM pg_replication_slots WHERE slot_name = ? AND slot_type = 'physical'")) {
            st.setString(1, settings.slotName());
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null) {
                    return Optional.empty();
                }
                return Optional.of(LogSequenceNumber.valueOf(rs.getString(1)).asLong());
            }
        }
    }

    /**
     * The server's copy of the history file of {@code timeline} ({@code TIMELINE_HISTORY}, which PgJDBC runs as a
     * simple query on the replication connection; {@code content} comes back as the file's raw bytes).
     */
    byte[] timelineHistory(long timeline) throws SQLException {
        try (Statement st = replication.createStatement();
                ResultSet rs = st.executeQuery("TIMELINE_HISTORY " + timeline)) {
            if (!rs.next()) {
                throw new SQLException("TIMELINE_HISTORY " + timeline + " returned no row");
            }
            return rs.getBytes("content");
        }
    }

    /**
     * Starts the physical stream of the slot at {@code startLsn} on {@code timeline}; status goes out only when the
     * archiver asks. PgJDBC's stream builder cannot send {@code TIMELINE}, so the command goes through its COPY API,
     * which answers {@code START_REPLICATION} with the same {@code CopyDual} the builder wraps.
     */
    PGReplicationStream open(long startLsn, long timeline) throws SQLException {
        LogSequenceNumber start = LogSequenceNumber.valueOf(startLsn);
        String command = "START_REPLICATION SLOT " + settings.slotName() + " PHYSICAL " + start.asString()
                + " TIMELINE " + timeline;
        CopyDual copy = (CopyDual) replication.unwrap(PGConnection.class).getCopyAPI().copyIn(command);
        pollWithoutBackoff();
        // No automatic flush: only the archiver may confirm WAL, and only once it is stored.
        return new V3PGReplicationStream(copy, start, STATUS_INTERVAL_MILLIS, false, ReplicationType.PHYSICAL);
    }

    /**
     * PgJDBC's own stream builder sets the connection's "is a message pending" check to look at the socket on every
     * call; without it a check that finds nothing makes the next ones answer "no" for a second, which would stall the
     * stream on every pause. The setting is only reachable through the executor's {@code PGStream}.
     */
    private void pollWithoutBackoff() {
        try {
            Field stream = QueryExecutorBase.class.getDeclaredField("pgStream");
            stream.setAccessible(true);
            ((PGStream) stream.get(replication.unwrap(BaseConnection.class).getQueryExecutor()))
                    .setMinStreamAvailableCheckDelay(0);
        } catch (ReflectiveOperationException | RuntimeException | SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "WAL stream of slot '" + settings.slotName() + "' polls the socket"
                    + " at most once a second (PgJDBC internals changed: " + e + ")");
        }
    }

    /** The server's WAL head now, and the commit time that goes with it. */
    HeadSample head() throws SQLException {
        String commit = commitTimestamps ? "(SELECT timestamp FROM pg_last_committed_xact())" : "NULL::timestamptz";
        try (Statement st = sql.createStatement();
                ResultSet rs = st.executeQuery("SELECT CASE WHEN "
                        + "pg_is_in_recovery() THEN pg_last_wal_receive_lsn() ELSE pg_current_wal_lsn() END, "
                        + "clock_timestamp(), " + commit + ", CASE WHEN pg_is_in_recovery() THEN 0 ELSE ('x' || "
                        + "substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8))::bit(32)::int END")) {
            rs.next();
            long lsn = LogSequenceNumber.valueOf(rs.getString(1)).asLong();
            Instant now = rs.getTimestamp(2).toInstant();
            Instant committed = rs.getTimestamp(3) == null ? now : rs.getTimestamp(3).toInstant();
            return new HeadSample(lsn, committed, now, rs.getLong(4));
        }
    }

    /**
     * Why the stream of {@code timeline} started at {@code start} failed: a {@link WalGapException} when the walsender
     * says a segment was removed (naming it up to the one before the oldest still in {@code pg_wal}), else an
     * exception naming the target, slot, position and the server's message.
     */
    Exception explain(SQLException e, long start, long timeline, long segmentSize) throws SQLException {
        String message = String.valueOf(e.getMessage());
        if (!message.contains("has already been removed")) {
            return new IOException("unable to stream WAL of target '" + settings.targetId() + "' from slot '"
                    + settings.slotName() + "' (started at " + WalSegments.format(start) + " on timeline " + timeline
                    + "): " + message, e);
        }
        Matcher named = SEGMENT_IN_MESSAGE.matcher(message);
        long first = named.find() ? WalSegments.segmentNumber(named.group(), segmentSize) : start / segmentSize;
        long last = oldestSegmentOnServer().map(name -> WalSegments.segmentNumber(name, segmentSize) - 1)
                .filter(n -> n >= first).orElse(first);
        return new WalGapException(settings.targetId(), WalSegments.fileName(timeline, first, segmentSize),
                WalSegments.fileName(timeline, last, segmentSize), WalSegments.format(first * segmentSize), message,
                e);
    }

    /** The oldest complete WAL segment still in {@code pg_wal}, if any. */
    Optional<String> oldestSegmentOnServer() throws SQLException {
        return Optional.ofNullable(single("SELECT min(name) FROM pg_ls_waldir() WHERE name ~ '^[0-9A-F]{24}$'"));
    }

    private String single(String query) throws SQLException {
        try (Statement st = sql.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            replication.close();
        } finally {
            sql.close();
        }
    }
}
