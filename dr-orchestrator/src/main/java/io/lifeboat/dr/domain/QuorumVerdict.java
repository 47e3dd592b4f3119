package io.lifeboat.dr.domain;

import java.util.List;

/**
 * Whether the monitors agree that a target's primary is down, with the counts behind the decision.
 *
 * @param down true when at least {@code required} live monitors report the target UNHEALTHY
 * @param agreeing ids of the live monitors that report UNHEALTHY, sorted
 * @param live ids of the monitors whose latest report is fresh enough to count, sorted
 * @param required how many agreeing monitors make a quorum: a majority of the configured monitors
 * @param reason the decision in words, naming the monitors
 */
public record QuorumVerdict(boolean down, List<String> agreeing, List<String> live, int required, String reason) {

    /**
     * Copies the lists.
     */
    public QuorumVerdict {
        agreeing = List.copyOf(agreeing);
        live = List.copyOf(live);
    }
}
