package io.lifeboat.agent.pg.restore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.postgresql.replication.LogSequenceNumber;

import io.lifeboat.agent.pg.engine.PgTarget;
import io.lifeboat.agent.pg.wal.TimelineHistory;

/**
 * The PostgreSQL server started on a restored data directory: writes its recovery settings, starts it with
 * {@code pg_ctl}, waits until it has finished recovery (promoted) or died, reads the point it reached, resets the
 * recovery settings and stops it unless it is to keep running.
 */
final class RestoredServer {

    private static final long POLL_MS = 200;
    private static final long STARTUP_NANOS = 60_000_000_000L;
    private static final int LOG_LINES = 6;

    private final PgTarget target;
    private final Path dataDir;
    private final int port;
    private final Path logFile;

    RestoredServer(PgTarget target, Path dataDir, int port, Path logFile) {
        this.target = target;
        this.dataDir = dataDir;
        this.port = port;
        this.logFile = logFile;
    }

    /**
     * Makes the directory startable on this host: a postgresql.conf and pg_hba.conf when the source kept them
     * elsewhere (Debian keeps them in /etc), the restore's settings, no {@code standby.signal}, and
     * {@code recovery.signal} for log replay.
     */
    void configure(List<String> settings, boolean replay) throws IOException {
        Path conf = dataDir.resolve("postgresql.conf");
        if (!Files.exists(conf)) {
            Files.writeString(conf, "# written by the Lifeboat restore: the source kept its configuration "
                    + "outside the data directory\n", StandardCharsets.UTF_8);
        }
        Path hba = dataDir.resolve("pg_hba.conf");
        if (!Files.exists(hba)) {
            Files.write(hba, List.of("# written by the Lifeboat restore", "local all all peer",
                    "host all all 127.0.0.1/32 scram-sha-256", "host all all ::1/128 scram-sha-256"));
        }
        Files.write(dataDir.resolve("postgresql.auto.conf"), settings, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
        // A backup taken from a standby carries its standby.signal: a restored copy must recover and promote, not
        // wait for WAL from a primary forever.
        Files.deleteIfExists(dataDir.resolve("standby.signal"));
        Files.deleteIfExists(dataDir.resolve("recovery.signal"));
        if (replay) {
            Files.writeString(dataDir.resolve("recovery.signal"), "");
        }
    }

    /** {@code pg_ctl start} without waiting: recovery can take long, {@link #awaitReady} watches it. */
    void start() throws IOException, InterruptedException {
        new OsCommand(target.osUser(), List.of(target.tool("pg_ctl"), "-D", dataDir.toString(), "-l",
                logFile.toString(), "-W", "start")).run();
    }

    /**
     * Waits until the server accepts connections and is out of recovery; fails with the server log's last lines
     * when it stops first.
     */
    void awaitReady() throws IOException, InterruptedException {
        boolean seenRunning = false;
        long deadlineToAppear = System.nanoTime() + STARTUP_NANOS;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("restore cancelled while the restored server recovers");
            }
            Optional<ProcessHandle> postmaster = postmaster();
            if (postmaster.isPresent()) {
                seenRunning = true;
            } else if (seenRunning || System.nanoTime() > deadlineToAppear || logSaysShutDown()) {
                throw new ServerStoppedException(logTail());
            }
            try (Connection connection = connect();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select pg_is_in_recovery()")) {
                rows.next();
                if (!rows.getBoolean(1)) {
                    return;
                }
            } catch (SQLException e) {
                // Still starting up or replaying without hot standby: keep watching the process and the log.
            }
            Thread.sleep(POLL_MS);
        }
    }

    private boolean logSaysShutDown() {
        try {
            return Files.exists(logFile) && Files.readString(logFile, StandardCharsets.UTF_8)
                    .contains("database system is shut down");
        } catch (IOException e) {
            return false;
        }
    }

    /** Commit time of the last transaction replayed, if any was. */
    Optional<Instant> lastReplayedCommit() throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select pg_last_xact_replay_timestamp()")) {
            rows.next();
            Timestamp time = rows.getTimestamp(1);
            return Optional.ofNullable(time).map(Timestamp::toInstant);
        }
    }

    /** Where recovery ended: the switch point recorded in the newest timeline's history file, when one was made. */
    Optional<String> recoveryEnd() throws IOException {
        try (var files = Files.list(dataDir.resolve("pg_wal"))) {
            Optional<Path> newest = files.filter(p -> p.getFileName().toString().matches("[0-9A-F]{8}\\.history"))
                    .max(Path::compareTo);
            if (newest.isEmpty()) {
                return Optional.empty();
            }
            String name = newest.get().getFileName().toString();
            TimelineHistory history = TimelineHistory.parse(Long.parseLong(name.substring(0, 8), 16),
                    Files.readAllBytes(newest.get()));
            return Optional.of(LogSequenceNumber.valueOf(history.start().orElse(0)).asString());
        }
    }

    /** Removes the recovery settings (ALTER SYSTEM RESET) so the promoted cluster starts as a plain primary. */
    void resetRecoverySettings() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String key : RecoverySettings.RECOVERY_KEYS) {
                statement.execute("alter system reset " + key);
            }
            statement.execute("select pg_reload_conf()");
        }
    }

    /** {@code pg_ctl stop -m fast}: a clean shutdown checkpoint, so the directory starts anywhere without replay. */
    void stop() throws IOException, InterruptedException {
        if (postmaster().isPresent()) {
            new OsCommand(target.osUser(), List.of(target.tool("pg_ctl"), "-D", dataDir.toString(), "-m", "fast",
                    "-w", "-t", "120", "stop")).run();
        }
    }

    /** Stops the server however it can, for a failed restore; errors are swallowed. */
    void kill() {
        postmaster().ifPresent(process -> {
            process.destroy();
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        });
    }

    /** The last lines of the server log, without the refusals of this restore's own connection attempts. */
    String logTail() {
        try {
            if (!Files.exists(logFile)) {
                return "(no server log)";
            }
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank() && !line.contains("the database system is starting up")
                            && !line.contains("not yet accepting connections")
                            && !line.contains("Consistent recovery state has not been yet reached"))
                    .toList();
            List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size());
            // The cause is the last FATAL or PANIC line; its DETAIL and HINT lines may have pushed it out of the tail.
            String cause = lines.stream().filter(line -> line.contains("FATAL:") || line.contains("PANIC:"))
                    .reduce((first, second) -> second).filter(line -> !tail.contains(line))
                    .map(line -> line + " | ... | ")
                    .orElse("");
            return cause + String.join(" | ", tail);
        } catch (IOException e) {
            return "(server log unreadable: " + e.getMessage() + ")";
        }
    }

    private Optional<ProcessHandle> postmaster() {
        return postmaster(dataDir);
    }

    /** The live postmaster process named by {@code postmaster.pid} of {@code dataDir}, if any. */
    static Optional<ProcessHandle> postmaster(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
            return first.isEmpty()
                    ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", target.user());
        target.password().ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("ApplicationName", "lifeboat-restore");
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + target.database(),
                properties);
    }

    /** The restored server stopped before it finished recovery; the message is the end of its log. */
    static final class ServerStoppedException extends IOException {

        private static final long serialVersionUID = 1L;

        ServerStoppedException(String logTail) {
            super(logTail);
        }
    }
}
