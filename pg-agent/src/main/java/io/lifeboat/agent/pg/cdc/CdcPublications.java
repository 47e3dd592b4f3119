package io.lifeboat.agent.pg.cdc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

/**
 * The publication and logical slot of a target on its server: creates the publication change capture reads (marked
 * as Lifeboat's by its comment), and drops slot and Lifeboat's publication when capture is switched off.
 */
final class CdcPublications {

    private static final Logger LOG = Logger.getLogger(CdcPublications.class);
    /** Comment prefix that marks a publication Lifeboat created and may therefore alter or drop. */
    static final String MARK = "lifeboat change capture of target ";

    private CdcPublications() {
    }

    /**
     * Makes sure {@code publication} exists: {@code FOR TABLE <tables>}, or {@code FOR ALL TABLES} when none are
     * given (superuser only). An existing publication that Lifeboat did not create is used as it is.
     *
     * @throws ChangeCaptureRefused when no tables are given and the role is not a superuser
     */
    static void ensure(Connection connection, String targetId, String publication, List<String> tables)
            throws SQLException {
        Optional<Existing> existing = existing(connection, publication);
        if (existing.isPresent() && !existing.get().ours()) {
            LOG.infof("change capture of target '%s' reads the existing publication '%s' (not created by Lifeboat)",
                    targetId, publication);
            return;
        }
        if (tables.isEmpty() && !superuser(connection)) {
            throw new ChangeCaptureRefused("change capture of target '" + targetId + "' not started: publication '"
                    + publication + "' would need FOR ALL TABLES, which only a superuser may create, and role '"
                    + text(connection, "select current_user") + "' is not one; list the tables in lifeboat.pg.targets."
                    + targetId + ".change-capture.tables or create the publication yourself");
        }
        String scope = tables.isEmpty()
                ? "all tables"
                : "table " + tables.stream().map(CdcNames::quotedTable).collect(Collectors.joining(", "));
        try (Statement statement = connection.createStatement()) {
            if (existing.isPresent()) {
                if (existing.get().allTables() && tables.isEmpty()) {
                    return;
                }
                if (!existing.get().allTables() && !tables.isEmpty()) {
                    statement.execute("alter publication " + CdcNames.quoted(publication) + " set " + scope);
                    return;
                }
                // FOR ALL TABLES cannot be altered into a table list or back: recreate.
                statement.execute("drop publication " + CdcNames.quoted(publication));
            }
            statement.execute("create publication " + CdcNames.quoted(publication) + " for " + scope);
            statement.execute("comment on publication " + CdcNames.quoted(publication) + " is '"
                    + (MARK + targetId).replace("'", "''") + "'");
            LOG.infof("change capture of target '%s': created publication '%s' for %s", targetId, publication, scope);
        }
    }

    /**
     * Drops {@code slot} if it exists and no one streams from it, and {@code publication} if Lifeboat created it;
     * logs what it did at INFO, and an active slot at WARN.
     */
    static void dropLeftovers(Connection connection, String targetId, String slot, String publication)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select active_pid from pg_replication_slots where slot_name = ? and slot_type = 'logical'")) {
            query.setString(1, slot);
            try (ResultSet rows = query.executeQuery()) {
                if (rows.next()) {
                    int pid = rows.getInt(1);
                    if (rows.wasNull()) {
                        drop(connection, slot);
                        LOG.infof("change capture of target '%s' is disabled: dropped its replication slot '%s'"
                                + " so that the server no longer keeps WAL for it", targetId, slot);
                    } else {
                        LOG.warnf("change capture of target '%s' is disabled but its replication slot '%s' is in"
                                + " use by server process %d; not dropped", targetId, slot, pid);
                    }
                }
            }
        }
        Optional<Existing> existing = existing(connection, publication);
        if (existing.isPresent() && existing.get().ours()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop publication " + CdcNames.quoted(publication));
            }
            LOG.infof("change capture of target '%s' is disabled: dropped its publication '%s'", targetId,
                    publication);
        }
    }

    private static void drop(Connection connection, String slot) throws SQLException {
        try (PreparedStatement drop = connection.prepareStatement("select pg_drop_replication_slot(?)")) {
            drop.setString(1, slot);
            drop.execute();
        }
    }

    private static Optional<Existing> existing(Connection connection, String publication) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select puballtables,"
                + " coalesce(obj_description(oid, 'pg_publication'), '') from pg_publication where pubname = ?")) {
            query.setString(1, publication);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next()
                        ? Optional.of(new Existing(rows.getBoolean(1), rows.getString(2).startsWith(MARK)))
                        : Optional.empty();
            }
        }
    }

    private static boolean superuser(Connection connection) throws SQLException {
        return Boolean
                .parseBoolean(text(connection, "select rolsuper::text from pg_roles where rolname = current_user"));
    }

    private static String text(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private record Existing(boolean allTables, boolean ours) {
    }
}
