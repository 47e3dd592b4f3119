package io.lifeboat.events.policy;

/**
 * What the scheduler does with scheduled times that passed while it was not running.
 */
public enum MisfireHandling {
    /** One run for all missed times, at the newest missed time (the default). */
    FIRE_ONCE,
    /** No run for missed times; the schedule resumes with its next time and the skipped times are reported. */
    SKIP,
    /** One run per missed time, the newest ones up to the policy's misfire cap. */
    FIRE_ALL
}
