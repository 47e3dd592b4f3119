package io.lifeboat.events.catalog;

/**
 * A grandfather-father-son bucket that keeps a backup alive; a backup with no tag left is expired.
 */
public enum RetentionTag {
    /** Kept as one of the newest hourly backups. */
    HOURLY,
    /** Kept as the daily backup of its day. */
    DAILY,
    /** Kept as the weekly backup of its ISO week. */
    WEEKLY,
    /** Kept as the monthly backup of its month. */
    MONTHLY,
    /** Kept as the yearly backup of its year. */
    YEARLY
}
