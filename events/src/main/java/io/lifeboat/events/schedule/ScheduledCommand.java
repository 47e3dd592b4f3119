package io.lifeboat.events.schedule;

/**
 * The kind of command a schedule issues.
 */
public enum ScheduledCommand {
    /** A {@code RunBackup} of the schedule's backup type. */
    RUN_BACKUP,
    /** A {@code VerifyBackup} of a random backup completed in the last 24 hours. */
    VERIFY_BACKUP,
    /** A {@code StartDrill} of the target's newest backup. */
    START_DRILL
}
