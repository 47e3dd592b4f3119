package io.lifeboat.dr.postgres;

import java.time.Duration;

/**
 * What promoting a standby did.
 *
 * @param member the member's name
 * @param alreadyPromoted whether it was out of recovery before this call, so nothing was done
 * @param timelineBefore its timeline before the promotion; equal to {@code timelineAfter} when already promoted
 * @param timelineAfter its timeline as a primary
 * @param took from asking for the promotion until it left recovery; zero when already promoted
 */
public record PromotionResult(String member, boolean alreadyPromoted, Long timelineBefore, Long timelineAfter,
        Duration took) {

    /**
     * One line naming the member and what happened.
     *
     * @return the summary
     */
    public String summary() {
        if (alreadyPromoted) {
            return "PostgreSQL member '" + member + "' already promoted (not in recovery, timeline " + timelineAfter
                    + "); nothing done";
        }
        return "PostgreSQL member '" + member + "' promoted from timeline " + timelineBefore + " to " + timelineAfter
                + " in " + took.toMillis() + " ms";
    }
}
