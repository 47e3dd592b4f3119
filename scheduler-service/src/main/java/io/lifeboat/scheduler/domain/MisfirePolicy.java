package io.lifeboat.scheduler.domain;

/**
 * What to do with scheduled times that passed while the scheduler was not running.
 */
public enum MisfirePolicy {
    /** One run for all missed times, at the latest missed time (the default). */
    FIRE_ONCE,
    /** No run for missed times; the schedule resumes with its next time. */
    SKIP,
    /** One run per missed time, at most a cap of them, the newest ones. */
    FIRE_ALL;

    /**
     * The policy used when a schedule names none.
     */
    public static MisfirePolicy defaultPolicy() {
        return FIRE_ONCE;
    }
}
