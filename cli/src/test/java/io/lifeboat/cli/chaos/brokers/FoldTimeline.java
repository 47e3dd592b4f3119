package io.lifeboat.cli.chaos.brokers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The instants at which backups first showed up in the catalog, in order; measures the longest stretch without a new
 * one, which, while facts keep coming, is how long the catalog's readers saw it stand still.
 *
 * @param sightings the instants, oldest first
 */
record FoldTimeline(List<Instant> sightings) {

    FoldTimeline {
        sightings = List.copyOf(sightings);
    }

    /**
     * The longest gap between consecutive sightings from the last one at or before {@code from} (or {@code from}
     * itself when there is none) to the last one at or before {@code to}.
     *
     * @return the gap and when it began; a zero gap at {@code from} when nothing showed up in between
     */
    Stall longestStall(Instant from, Instant to) {
        List<Instant> points = new ArrayList<>();
        Instant start = from;
        for (Instant at : sightings) {
            if (!at.isAfter(from)) {
                start = at;
            } else if (!at.isAfter(to)) {
                points.add(at);
            }
        }
        Stall longest = new Stall(start, Duration.ZERO);
        Instant previous = start;
        for (Instant at : points) {
            Duration gap = Duration.between(previous, at);
            if (gap.compareTo(longest.length()) > 0) {
                longest = new Stall(previous, gap);
            }
            previous = at;
        }
        return longest;
    }

    /** The last sighting, or null when there is none. */
    Instant last() {
        return sightings.isEmpty() ? null : sightings.get(sightings.size() - 1);
    }

    /**
     * A stretch without a new backup in the catalog.
     *
     * @param from when it began (the last sighting before it)
     * @param length how long it lasted
     */
    record Stall(Instant from, Duration length) {
    }
}
