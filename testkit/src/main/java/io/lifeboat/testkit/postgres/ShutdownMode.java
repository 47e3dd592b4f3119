package io.lifeboat.testkit.postgres;

/** How {@link PostgresServer#stop(ShutdownMode)} stops the server; the values are pg_ctl's {@code -m} modes. */
public enum ShutdownMode {
    /** Disconnects clients, writes a shutdown checkpoint and exits cleanly; the next start needs no recovery. */
    FAST,
    /** Kills every server process at once without a checkpoint, as a crash would; the next start replays WAL. */
    IMMEDIATE;

    String pgCtlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
