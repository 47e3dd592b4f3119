package io.lifeboat.catalog.domain.plan;

import java.time.Instant;

/**
 * A stretch of time a target can be restored to.
 *
 * @param from first restorable instant
 * @param to last restorable instant; equal to {@code from} for a single backup point
 * @param continuous true when every instant from {@code from} to {@code to} is restorable (log replay), false for a
 *        single backup point
 */
public record RestorableRange(Instant from, Instant to, boolean continuous) {

    /**
     * Validates the bounds.
     */
    public RestorableRange {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("RestorableRange needs from <= to, got " + from + " .. " + to);
        }
    }

    /**
     * A range holding one backup's consistency instant only.
     *
     * @param at the instant
     * @return the point range
     */
    public static RestorableRange point(Instant at) {
        return new RestorableRange(at, at, false);
    }
}
