package io.lifeboat.agent.pg.wal;

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

import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;

/**
 * The PostgreSQL side of WAL archiving: a normal connection for slot, settings and head readings, and a replication
 * connection for {@code IDENTIFY_SYSTEM} and the physical stream.
 */
final class WalSource implements AutoCloseable {

    private final WalArchiverSettings settings;
    private final Connection sql;
    private final Connection replication;
    private final boolean commitTimestamps;

    WalSource(WalArchiverSettings settings) throws SQLException {
        this.settings = settings;
        this.sql = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
        try {
            Properties props = new Properties();
            PGProperty.USER.set(props, settings.user());
            PGProperty.PASSWORD.set(props, settings.password());
            PGProperty.REPLICATION.set(props, "true");
            PGProperty.ASSUME_MIN_SERVER_VERSION.set(props, "9.4");
            PGProperty.PREFER_QUERY_MODE.set(props, "simple");
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

    /** Starts the physical stream of the slot at {@code startLsn}; status goes out only when the archiver asks. */
    PGReplicationStream open(long startLsn) throws SQLException {
        return replication.unwrap(PGConnection.class).getReplicationAPI().replicationStream().physical()
                .withSlotName(settings.slotName()).withStartPosition(LogSequenceNumber.valueOf(startLsn))
                .withStatusInterval(10, TimeUnit.SECONDS).start();
    }

    /** The server's WAL head now, and the commit time that goes with it. */
    HeadSample head() throws SQLException {
        String commit = commitTimestamps ? "(SELECT timestamp FROM pg_last_committed_xact())" : "NULL::timestamptz";
        try (Statement st = sql.createStatement();
                ResultSet rs = st.executeQuery("SELECT CASE WHEN "
                        + "pg_is_in_recovery() THEN pg_last_wal_receive_lsn() ELSE pg_current_wal_lsn() END, "
                        + "clock_timestamp(), " + commit)) {
            rs.next();
            long lsn = LogSequenceNumber.valueOf(rs.getString(1)).asLong();
            Instant now = rs.getTimestamp(2).toInstant();
            Instant committed = rs.getTimestamp(3) == null ? now : rs.getTimestamp(3).toInstant();
            return new HeadSample(lsn, committed, now);
        }
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
