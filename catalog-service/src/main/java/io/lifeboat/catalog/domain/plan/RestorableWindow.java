package io.lifeboat.catalog.domain.plan;

import java.time.Instant;
import java.util.List;

import io.lifeboat.catalog.domain.LogGap;

/**
 * What a target can be restored to: the bounds, the disjoint ranges between them, and what limits them.
 *
 * @param earliest oldest restorable instant, or null when nothing is restorable
 * @param latest newest restorable instant, or null when nothing is restorable
 * @param continuous true when every instant from {@code earliest} to {@code latest} is restorable
 * @param ranges disjoint restorable ranges, oldest first
 * @param gaps log gaps the target reported, oldest first
 * @param brokenChains ids of completed backups that cannot be restored because a link of their chain is missing,
 *        failed or expired, sorted
 */
public record RestorableWindow(Instant earliest, Instant latest, boolean continuous, List<RestorableRange> ranges,
        List<LogGap> gaps, List<String> brokenChains) {

    /**
     * Copies the lists.
     */
    public RestorableWindow {
        ranges = List.copyOf(ranges);
        gaps = List.copyOf(gaps);
        brokenChains = List.copyOf(brokenChains);
    }

    /**
     * Tells whether any instant is restorable.
     *
     * @return true when some backup can be restored
     */
    public boolean restorable() {
        return !ranges.isEmpty();
    }
}
