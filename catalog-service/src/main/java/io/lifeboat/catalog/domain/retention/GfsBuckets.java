package io.lifeboat.catalog.domain.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;

import io.lifeboat.events.catalog.RetentionTag;
import io.lifeboat.events.policy.Retention;
import io.lifeboat.events.policy.RetentionAges;

/**
 * The grandfather-father-son buckets with restic's semantics: each bucket keeps the newest backup of each of its n
 * newest periods (in UTC) that have backups.
 */
final class GfsBuckets {

    private GfsBuckets() {
    }

    /**
     * Lets every bucket with a count pick its backups.
     *
     * @param newestFirst the candidates, newest first
     * @param retention the rules
     * @param now instant of the decision
     * @param keeps where the picks are recorded
     */
    static void pick(List<Candidate> newestFirst, Retention retention, Instant now, Keeps keeps) {
        for (RetentionTag bucket : RetentionTag.values()) {
            int count = count(retention, bucket);
            Duration maxAge = ageLimit(retention, bucket);
            String lastPeriod = null;
            int keptPeriods = 0;
            for (Candidate candidate : newestFirst) {
                if (keptPeriods >= count || (maxAge != null && !candidate.youngerThan(maxAge, now))) {
                    break;
                }
                String period = period(bucket, candidate.time());
                if (!period.equals(lastPeriod)) {
                    keeps.tag(candidate.id(), bucket, name(bucket) + " " + period);
                    lastPeriod = period;
                    keptPeriods++;
                }
            }
        }
    }

    /**
     * The period of a bucket an instant falls in, in UTC, as a readable label that is equal for equal periods.
     *
     * @param bucket the bucket
     * @param time the instant
     * @return e.g. {@code 2026-11-21T09}, {@code 2026-11-21}, {@code 2026-W47}, {@code 2026-11}, {@code 2026}
     */
    static String period(RetentionTag bucket, Instant time) {
        ZonedDateTime t = time.atZone(ZoneOffset.UTC);
        return switch (bucket) {
            case HOURLY -> String.format(Locale.ROOT, "%sT%02d", t.toLocalDate(), t.getHour());
            case DAILY -> t.toLocalDate().toString();
            // The week-based year, not the calendar year: 2025-12-29 belongs to 2026-W01.
            case WEEKLY -> String.format(Locale.ROOT, "%d-W%02d", t.get(IsoFields.WEEK_BASED_YEAR),
                    t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTHLY -> YearMonth.from(t).toString();
            case YEARLY -> Integer.toString(t.getYear());
        };
    }

    /** The bucket's count. @param retention the rules @param bucket the bucket @return periods it keeps */
    static int count(Retention retention, RetentionTag bucket) {
        return switch (bucket) {
            case HOURLY -> retention.hourly();
            case DAILY -> retention.daily();
            case WEEKLY -> retention.weekly();
            case MONTHLY -> retention.monthly();
            case YEARLY -> retention.yearly();
        };
    }

    /** The bucket's age limit. @param retention the rules @param bucket the bucket @return the limit, or null */
    static Duration ageLimit(Retention retention, RetentionTag bucket) {
        RetentionAges ages = retention.bucketAges();
        if (ages == null) {
            return null;
        }
        return switch (bucket) {
            case HOURLY -> ages.hourly();
            case DAILY -> ages.daily();
            case WEEKLY -> ages.weekly();
            case MONTHLY -> ages.monthly();
            case YEARLY -> ages.yearly();
        };
    }

    /** The bucket's name in reasons. @param bucket the bucket @return e.g. {@code daily} */
    static String name(RetentionTag bucket) {
        return bucket.name().toLowerCase(Locale.ROOT);
    }
}
