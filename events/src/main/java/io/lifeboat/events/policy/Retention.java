package io.lifeboat.events.policy;

import java.time.Duration;

import io.lifeboat.events.Require;

/**
 * How many backups of a target to keep and for how long: grandfather-father-son buckets, plain count and time rules,
 * and a legal hold that stops every expiry.
 *
 * @param hourly number of newest hourly backups kept
 * @param daily number of daily backups kept, one per day
 * @param weekly number of weekly backups kept, one per ISO week
 * @param monthly number of monthly backups kept, one per month
 * @param yearly number of yearly backups kept, one per year
 * @param maxAge age beyond which a backup expires whatever its buckets say (optional)
 * @param keepLast number of newest backups kept whatever their age and bucket (optional)
 * @param keepWithin every backup younger than this is kept (optional)
 * @param bucketAges age beyond which each bucket stops keeping a backup, e.g. daily for 30 days (optional)
 * @param legalHold whether expiry of the target's backups is suspended, e.g. for litigation or an audit (optional)
 */
public record Retention(int hourly, int daily, int weekly, int monthly, int yearly, Duration maxAge,
        Integer keepLast, Duration keepWithin, RetentionAges bucketAges, Boolean legalHold) {

    /**
     * Validates that no count is negative.
     */
    public Retention {
        Require.nonNegative(hourly, "Retention.hourly");
        Require.nonNegative(daily, "Retention.daily");
        Require.nonNegative(weekly, "Retention.weekly");
        Require.nonNegative(monthly, "Retention.monthly");
        Require.nonNegative(yearly, "Retention.yearly");
        if (keepLast != null) {
            Require.nonNegative(keepLast, "Retention.keepLast");
        }
    }

    /**
     * Creates bucket counts with an optional overall age limit and no other rule.
     *
     * @param hourly number of newest hourly backups kept
     * @param daily number of daily backups kept
     * @param weekly number of weekly backups kept
     * @param monthly number of monthly backups kept
     * @param yearly number of yearly backups kept
     * @param maxAge age beyond which a backup expires (optional)
     */
    public Retention(int hourly, int daily, int weekly, int monthly, int yearly, Duration maxAge) {
        this(hourly, daily, weekly, monthly, yearly, maxAge, null, null, null, null);
    }

    /**
     * Tells whether a legal hold suspends every expiry of the target.
     *
     * @return true when {@code legalHold} is set to true
     */
    public boolean held() {
        return Boolean.TRUE.equals(legalHold);
    }
}
