package io.lifeboat.events.policy;

import java.time.Duration;

import io.lifeboat.events.Require;

/**
 * How the scheduler reads a policy's cron expressions: their time zone, what it does with runs missed while it was
 * down, and how far it may spread the runs of many targets that share a cron.
 *
 * @param timeZone IANA time zone of every cron expression of the policy, e.g. {@code Europe/Berlin}; UTC when absent
 *        (optional)
 * @param misfire what to do with scheduled times missed while the scheduler was down; FIRE_ONCE when absent (optional)
 * @param misfireCap the most missed runs FIRE_ALL issues per schedule, the newest ones; 10 when absent (optional)
 * @param staggerWindow width of the window in which each target's run is shifted by a fixed, target-specific offset;
 *        the scheduler's default when absent, zero for none (optional)
 */
public record Scheduling(String timeZone, MisfireHandling misfire, Integer misfireCap, Duration staggerWindow) {

    /** Missed runs FIRE_ALL issues per schedule when the policy sets no cap. */
    public static final int DEFAULT_MISFIRE_CAP = 10;

    /**
     * Validates that the cap is positive and the window not negative.
     */
    public Scheduling {
        if (misfireCap != null) {
            Require.positive(misfireCap, "Scheduling.misfireCap");
        }
        if (staggerWindow != null && staggerWindow.isNegative()) {
            throw new IllegalArgumentException("Scheduling.staggerWindow " + staggerWindow + " is negative");
        }
    }

    /**
     * Returns the misfire handling in force.
     *
     * @return {@code misfire}, or FIRE_ONCE when absent
     */
    public MisfireHandling misfireOrDefault() {
        return misfire == null ? MisfireHandling.FIRE_ONCE : misfire;
    }

    /**
     * Returns the FIRE_ALL cap in force.
     *
     * @return {@code misfireCap}, or {@link #DEFAULT_MISFIRE_CAP} when absent
     */
    public int misfireCapOrDefault() {
        return misfireCap == null ? DEFAULT_MISFIRE_CAP : misfireCap;
    }
}
