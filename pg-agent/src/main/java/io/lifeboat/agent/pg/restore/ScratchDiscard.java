package io.lifeboat.agent.pg.restore;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A restored server left running with {@code discard-after}, to be stopped and removed with its directory at
 * {@code discardAt}: what a check needs to do so after the agent restarted.
 *
 * @param dataDir the restored data directory
 * @param discardAt when the server and the directory go away
 * @param osUser the OS account that runs the server, when the agent runs commands as another one
 * @param pgCtl the {@code pg_ctl} that stops it
 * @param commandId the {@code RestoreBackup} that restored it, also named in the directory's restore marker
 */
record ScratchDiscard(Path dataDir, Instant discardAt, Optional<String> osUser, Path pgCtl, String commandId) {

    /** Whether the discard is due at {@code now}. */
    boolean dueAt(Instant now) {
        return !discardAt.isAfter(now);
    }

    /** The WAL spool beside the data directory ({@code .<name>.lifeboat-wal}, see {@link WalSpool}). */
    Path spoolDir() {
        return spoolDir(dataDir);
    }

    /** The server log beside the data directory ({@code .<name>.restore.log}). */
    Path logFile() {
        return logFile(dataDir);
    }

    static Path spoolDir(Path dataDir) {
        return dataDir.resolveSibling("." + dataDir.getFileName() + ".lifeboat-wal");
    }

    static Path logFile(Path dataDir) {
        return dataDir.resolveSibling("." + dataDir.getFileName() + ".restore.log");
    }
}
