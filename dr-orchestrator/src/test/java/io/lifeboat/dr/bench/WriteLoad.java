package io.lifeboat.dr.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * One client writing to the primary: one autocommit INSERT at a time, each returning its id, until a statement
 * fails; every id the server acknowledged is remembered.
 */
final class WriteLoad implements AutoCloseable {

    static final String TABLE = "bench_load";

    private final List<Long> acknowledged = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile SQLException failure;

    private WriteLoad(Connection connection) {
        this.thread = new Thread(() -> write(connection), "write-load");
        thread.setDaemon(true);
    }

    /** Connects to the primary and starts writing. */
    static WriteLoad start(BenchSettings.Member primary) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", primary.user());
        properties.setProperty("password", primary.password());
        // A dead server's socket is reset at once on loopback; the timeout only guards against a hang.
        properties.setProperty("socketTimeout", "5");
        WriteLoad load = new WriteLoad(DriverManager.getConnection(primary.url(), properties));
        load.thread.start();
        return load;
    }

    private void write(Connection connection) {
        try (connection;
                PreparedStatement insert = connection.prepareStatement("insert into " + TABLE
                        + " default values returning id")) {
            while (!stopped) {
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    long id = rs.getLong(1);
                    synchronized (acknowledged) {
                        acknowledged.add(id);
                    }
                }
            }
        } catch (SQLException e) {
            failure = e;
        }
    }

    /** How many inserts were acknowledged so far. */
    int count() {
        synchronized (acknowledged) {
            return acknowledged.size();
        }
    }

    /** The id of the {@code n}-th acknowledged insert, from 1. */
    long idAt(int n) {
        synchronized (acknowledged) {
            return acknowledged.get(n - 1);
        }
    }

    /** Waits until the writer stopped (its server gone) and returns every acknowledged id. */
    List<Long> awaitEnd() throws InterruptedException {
        thread.join(10_000);
        if (thread.isAlive()) {
            throw new IllegalStateException("the write load on the killed primary still runs 10 s after the kill");
        }
        synchronized (acknowledged) {
            return List.copyOf(acknowledged);
        }
    }

    /** Why the writer stopped, or null while it runs. */
    SQLException failure() {
        return failure;
    }

    @Override
    public void close() {
        stopped = true;
    }
}
