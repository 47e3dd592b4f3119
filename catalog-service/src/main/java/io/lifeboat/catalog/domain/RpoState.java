package io.lifeboat.catalog.domain;

import java.time.Instant;

/**
 * The persisted part of a target's RPO tracking: whether it is in breach, so that each edge fires once even across
 * restarts.
 *
 * @param breachedSince wall-clock instant the current breach was detected, or null when within the RPO
 */
public record RpoState(Instant breachedSince) {

    /** A target within its RPO. */
    public static final RpoState WITHIN = new RpoState(null);

    /**
     * Tells whether the target is in breach.
     *
     * @return true while a breach is open
     */
    public boolean breached() {
        return breachedSince != null;
    }
}
