package io.lifeboat.testkit.postgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.lifeboat.testkit.process.Await;
import io.lifeboat.testkit.process.JvmExit;
import io.lifeboat.testkit.process.LogTail;

/**
 * A real PostgreSQL server from the OS packages, in a temp dir on a free 127.0.0.1 port, configured for logical
 * decoding, streaming replication and WAL archiving; {@link #close()} stops it and deletes the temp dir.
 */
public final class PostgresServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PostgresServer.class.getName());
    private static final AtomicInteger SLOTS = new AtomicInteger();
    private static PostgresServer shared;

    private final PostgresCluster cluster;
    private final PostgresServer primary;
    private final String slot;
    private final boolean isShared;
    private final List<PostgresServer> standbys = new ArrayList<>();
    private final Runnable onExit;
    private volatile boolean running;
    private volatile boolean closing;

    private PostgresServer(PostgresCluster cluster, PostgresServer primary, String slot, boolean isShared) {
        this.cluster = cluster;
        this.primary = primary;
        this.slot = slot;
        this.isShared = isShared;
        this.onExit = this::kill;
        JvmExit.register(onExit);
    }

    /** Starts a new server with {@link PostgresOptions#defaults()}. */
    public static PostgresServer start() {
        return start(PostgresOptions.defaults());
    }

    /** Starts a new server: initdb, the fixture's config, pg_ctl start. */
    public static PostgresServer start(PostgresOptions options) {
        return create(options, false);
    }

    /** The server shared by everything in this JVM; started on first use, stopped at JVM exit, never by close(). */
    public static synchronized PostgresServer shared() {
        if (shared == null || !shared.running) {
            shared = create(PostgresOptions.defaults(), true);
        }
        return shared;
    }

    private static PostgresServer create(PostgresOptions options, boolean isShared) {
        long begin = System.nanoTime();
        PostgresServer server = new PostgresServer(PostgresCluster.initdb(PostgresBinaries.locate(options), options),
                null, null, isShared);
        server.bootOrDiscard();
        LOG.log(System.Logger.Level.INFO, "PostgreSQL started on 127.0.0.1:{0} in {1} ms (data dir {2})",
                String.valueOf(server.port()), String.valueOf((System.nanoTime() - begin) / 1_000_000),
                server.dataDir());
        return server;
    }

    /**
     * Creates a streaming standby of this server with {@code pg_basebackup -R} and a physical replication slot, in
     * its own temp dir on its own port, and waits until it accepts read-only connections.
     */
    public synchronized PostgresServer startStandby() {
        String slotName = "lifeboat_standby_" + SLOTS.incrementAndGet();
        try {
            PostgresServer standby = new PostgresServer(PostgresCluster.standbyOf(cluster, slotName), this, slotName,
                    false);
            standby.bootOrDiscard();
            standbys.add(standby);
            return standby;
        } catch (RuntimeException e) {
            dropSlot(slotName);
            throw e;
        }
    }

    /** Promotes this standby to a primary and waits until it accepts writes. */
    public PostgresServer promote() {
        cluster.promote();
        Await.until("PostgreSQL on port " + port() + " to leave recovery after promotion", cluster.options
                .startTimeout(), () -> !isInRecovery(), () -> LogTail.of(cluster.log, 20));
        return this;
    }

    /** Waits until this standby has replayed its primary's WAL up to the primary's current write position. */
    public PostgresServer awaitReplayOfPrimary() {
        if (primary == null) {
            throw new IllegalStateException("PostgreSQL on port " + port() + " is not a standby");
        }
        String target;
        try (Connection c = primary.connect();
                var st = c.createStatement();
                var rs = st.executeQuery("select pg_current_wal_lsn()")) {
            rs.next();
            target = rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("unable to read the WAL position of the primary on port "
                    + primary.port() + ": " + e.getMessage(), e);
        }
        Await.until("standby on port " + port() + " to replay up to " + target, cluster.options.startTimeout(),
                () -> PostgresSql.queryBoolean(this, "select pg_last_wal_replay_lsn() >= '" + target + "'::pg_lsn"),
                () -> LogTail.of(cluster.log, 20));
        return this;
    }

    /** Stops the server, cleanly ({@link ShutdownMode#FAST}) or as a crash would ({@link ShutdownMode#IMMEDIATE}). */
    public void stop(ShutdownMode mode) {
        cluster.stop(mode);
        running = false;
    }

    /**
     * Loses the server the way a machine dies: its postmaster and every process it started get SIGKILL together, so
     * nothing shuts down cleanly; {@link #restart()} brings it back through crash recovery.
     *
     * @return how many processes were killed
     */
    public int crash() {
        int killed = NodeLoss.kill(dataDir());
        running = false;
        return killed;
    }

    /** Starts the server again on the same data dir (stopping it first if it runs); after a crash it recovers. */
    public PostgresServer restart() {
        if (cluster.isRunning()) {
            stop(ShutdownMode.FAST);
        }
        boot();
        return this;
    }

    /** Whether the server is a standby replaying WAL ({@code pg_is_in_recovery()}). */
    public boolean isInRecovery() {
        return PostgresSql.queryBoolean(this, "select pg_is_in_recovery()");
    }

    /** Creates a database owned by the superuser. */
    public PostgresServer createDatabase(String name) {
        PostgresSql.execute(this, "create database \"" + name.replace("\"", "\"\"") + "\"");
        return this;
    }

    /** A new JDBC connection to the {@code postgres} database as the superuser. */
    public Connection connect() throws SQLException {
        return connect("postgres");
    }

    /** A new JDBC connection to {@code database} as the superuser. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user(), password());
    }

    public String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return cluster.port;
    }

    public String user() {
        return cluster.options.user();
    }

    public String password() {
        return cluster.options.password();
    }

    public Path dataDir() {
        return cluster.data;
    }

    public Path binDir() {
        return cluster.binaries.binDir();
    }

    /** Where archive_command copies completed WAL segments. */
    public Path archiveDir() {
        return cluster.archive;
    }

    /** The server log (pg_ctl -l). */
    public Path logFile() {
        return cluster.log;
    }

    /** Stops the server at once and deletes its temp dir (and its standbys'); a no-op on {@link #shared()}. */
    @Override
    public void close() {
        if (isShared) {
            return;
        }
        JvmExit.cancel(onExit);
        kill();
        if (primary != null) {
            primary.forget(this);
        }
    }

    /** A server that fails to start is removed at once, so that only the exception (with the log tail) remains. */
    private void bootOrDiscard() {
        try {
            boot();
        } catch (RuntimeException e) {
            JvmExit.cancel(onExit);
            kill();
            throw e;
        }
    }

    private void boot() {
        cluster.start();
        running = true;
        Await.until("PostgreSQL on port " + port() + " to accept JDBC connections", cluster.options.startTimeout(),
                () -> PostgresSql.queryBoolean(this, "select true"), () -> LogTail.of(cluster.log, 20));
    }

    private synchronized void kill() {
        closing = true;
        new ArrayList<>(standbys).forEach(PostgresServer::close);
        if (running || cluster.isRunning()) {
            cluster.stop(ShutdownMode.IMMEDIATE);
            running = false;
        }
        cluster.delete();
    }

    /** A standby's slot retains WAL on the primary until dropped; its walsender may take a moment to exit. */
    private synchronized void forget(PostgresServer standby) {
        standbys.remove(standby);
        dropSlot(standby.slot);
    }

    private void dropSlot(String slotName) {
        if (!running || closing) {
            return;
        }
        try {
            Await.until("replication slot " + slotName + " to be dropped", Duration.ofSeconds(10),
                    () -> PostgresSql.queryBoolean(this, "select count(*) = 0 from (select pg_drop_replication_slot("
                            + "slot_name) from pg_replication_slots where slot_name = '" + slotName + "') s"),
                    () -> "");
        } catch (IllegalStateException e) {
            LOG.log(System.Logger.Level.WARNING, "unable to drop replication slot {0} on port {1}: {2}", slotName,
                    String.valueOf(port()), e.getMessage());
        }
    }
}
