package io.lifeboat.agentkit.agent;

import java.io.OutputStream;
import java.util.Map;

import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.RunBackup;

/**
 * The engine adapter an agent provides as a CDI bean: it reads one target and streams the raw backup bytes; the
 * agent skeleton consumes the {@link RunBackup} commands, runs the artifact pipeline and emits the facts.
 *
 * <p>
 * Restore and verify get their own interfaces beside this one when they are built, so an agent can offer backup
 * alone.
 */
public interface BackupEngine {

    /** Engine metadata key: ISO-8601 instant the backup's data is consistent to; defaults to the end of reading. */
    String CONSISTENT_AT = "consistentAt";
    /** Engine metadata key: log position (LSN, oplog timestamp) at which the backup started. */
    String START_POSITION = "startPosition";
    /** Engine metadata key: log position from which log replay continues. */
    String END_POSITION = "endPosition";
    /** Engine metadata key: the backup an incremental or differential backup builds on. */
    String BASE_BACKUP_ID = "baseBackupId";
    /** Engine metadata key: list of what the backup left out and why; the backup then partially failed. */
    String PROBLEMS = "problems";

    /** The engine whose command topic this agent reads ({@code Topics.commandsFor(engine())}). */
    Engine engine();

    /**
     * Streams the raw bytes of one backup of {@code command.targetId()} into {@code out} (do not close it) and
     * returns metadata for the manifest; the keys above, when present, also go into {@code BackupCompleted}.
     *
     * <p>
     * Runs on a backup thread that is interrupted when the backup is cancelled (time limit, shutdown): the engine
     * must stop promptly, e.g. by checking {@link Thread#isInterrupted()} and closing its connection; writes to
     * {@code out} fail with {@link java.io.InterruptedIOException} once the thread is interrupted.
     */
    Map<String, Object> backup(RunBackup command, OutputStream out) throws Exception;

    /**
     * Called on the backup thread once the backup's stream has ended: its manifest is written, or the backup failed
     * and its objects were removed. An engine that must hold something until the backup is visible (a lock on
     * storage shared between backups) releases it here; by default nothing.
     */
    default void streamEnded(RunBackup command, String backupId) {
    }
}
