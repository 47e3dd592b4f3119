package io.lifeboat.events.policy;

import java.time.Duration;

import io.lifeboat.events.Require;

/**
 * Grandfather-father-son retention: how many backups to keep per bucket, and an optional age limit.
 *
 * @param hourly number of newest hourly backups kept
 * @param daily number of daily backups kept, one per day
 * @param weekly number of weekly backups kept, one per ISO week
 * @param monthly number of monthly backups kept, one per month
 * @param yearly number of yearly backups kept, one per year
 * @param maxAge age beyond which a backup expires whatever its buckets say (optional)
 */
public record Retention(int hourly, int daily, int weekly, int monthly, int yearly, Duration maxAge) {

    /**
     * Validates that no count is negative.
     */
    public Retention {
        Require.nonNegative(hourly, "Retention.hourly");
        Require.nonNegative(daily, "Retention.daily");
        Require.nonNegative(weekly, "Retention.weekly");
        Require.nonNegative(monthly, "Retention.monthly");
        Require.nonNegative(yearly, "Retention.yearly");
    }
}
