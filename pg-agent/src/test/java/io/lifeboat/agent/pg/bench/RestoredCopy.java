package io.lifeboat.agent.pg.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.lifeboat.testkit.postgres.PostgresServer;

/** A server started on a restored data directory: waiting for promotion, stopping it, removing it. */
final class RestoredCopy {

    private static final long POLL_MS = 200;

    private RestoredCopy() {
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Waits (polling every 200 ms, as the pg-agent's restore does) until the server on {@code port} accepts
     * connections and is out of recovery.
     */
    static void awaitPromoted(PostgresServer source, int port, Path log, long timeoutSeconds)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/"
                    + BenchSource.DATABASE, source.user(), source.password());
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select pg_is_in_recovery()")) {
                rows.next();
                if (!rows.getBoolean(1)) {
                    return;
                }
            } catch (SQLException e) {
                // Starting up or replaying: keep polling.
            }
            Thread.sleep(POLL_MS);
        }
        throw new IOException("the restored server on port " + port + " was not promoted within " + timeoutSeconds
                + " s; log " + log + ":\n" + tail(log));
    }

    /** Stops the server on {@code dataDir} at once and deletes the directory. */
    static void discard(PostgresServer source, Path dataDir) throws IOException, InterruptedException {
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            Shell.run(Shell.asPostgres(source.binDir().resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m",
                    "immediate", "-w", "stop"));
        }
        Shell.deleteTree(dataDir);
    }

    static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }
}
