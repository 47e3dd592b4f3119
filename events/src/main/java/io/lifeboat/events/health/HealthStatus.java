package io.lifeboat.events.health;

/**
 * What a monitor concludes about a target from its recent probes.
 */
public enum HealthStatus {
    /** Every probe passes, or a recovery was confirmed by enough passes in a row. */
    HEALTHY,
    /** A probe failed, but fewer times in a row than the threshold: a blip until proven otherwise. */
    SUSPECT,
    /** A probe failed at least the threshold number of times in a row. */
    UNHEALTHY
}
