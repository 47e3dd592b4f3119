package io.lifeboat.testkit.postgres;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How a {@link PostgresServer} is created: the superuser and its password, the OS account the server runs as when
 * the JVM is root, where the binaries are, whether writes are fsynced, and extra postgresql.conf lines.
 *
 * @param user superuser created by initdb and used over JDBC and for replication
 * @param password the superuser's password (stored as SCRAM-SHA-256)
 * @param osUser OS account that owns the data directory and runs the server when this JVM runs as root
 * @param binDir directory with postgres, initdb, pg_ctl and pg_basebackup; null to use LIFEBOAT_PG_BIN or the
 *        Debian layout
 * @param durable whether to fsync (off by default: tests simulate server crashes, not OS crashes)
 * @param config extra postgresql.conf lines, applied after the fixture's own settings
 * @param startTimeout how long to wait for the server to accept connections
 */
public record PostgresOptions(String user, String password, String osUser, Path binDir, boolean durable,
        List<String> config, Duration startTimeout) {

    public PostgresOptions {
        config = List.copyOf(config);
    }

    /** Superuser {@code lifeboat}/{@code lifeboat}, OS user {@code postgres}, no fsync, 60 s start timeout. */
    public static PostgresOptions defaults() {
        return new PostgresOptions("lifeboat", "lifeboat", "postgres", null, false, List.of(), Duration.ofSeconds(60));
    }

    public PostgresOptions withUser(String newUser) {
        return new PostgresOptions(newUser, password, osUser, binDir, durable, config, startTimeout);
    }

    public PostgresOptions withPassword(String newPassword) {
        return new PostgresOptions(user, newPassword, osUser, binDir, durable, config, startTimeout);
    }

    public PostgresOptions withOsUser(String newOsUser) {
        return new PostgresOptions(user, password, newOsUser, binDir, durable, config, startTimeout);
    }

    public PostgresOptions withBinDir(Path newBinDir) {
        return new PostgresOptions(user, password, osUser, newBinDir, durable, config, startTimeout);
    }

    /** Turns fsync (and initdb's and pg_basebackup's syncing) on, for tests that measure real durability cost. */
    public PostgresOptions withDurable(boolean newDurable) {
        return new PostgresOptions(user, password, osUser, binDir, newDurable, config, startTimeout);
    }

    /** Adds postgresql.conf lines such as {@code "max_connections = 200"}; later lines win. */
    public PostgresOptions withConfig(String... lines) {
        List<String> all = new ArrayList<>(config);
        all.addAll(List.of(lines));
        return new PostgresOptions(user, password, osUser, binDir, durable, all, startTimeout);
    }

    public PostgresOptions withStartTimeout(Duration newStartTimeout) {
        return new PostgresOptions(user, password, osUser, binDir, durable, config, newStartTimeout);
    }
}
