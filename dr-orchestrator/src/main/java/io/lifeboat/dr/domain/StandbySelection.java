package io.lifeboat.dr.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lifeboat.events.health.ProbeObservation;

/**
 * Picks the standby fit for promotion from what the monitors observed: a reachable standby whose replay is at
 * most {@code maximumLagOnFailover} behind, the least lagging first.
 */
public final class StandbySelection {

    /**
     * Default of the largest replication lag a standby may have and still be promoted: 10 seconds. Patroni's
     * {@code maximum_lag_on_failover} is 1 MB of WAL; the monitors report lag as replay time, so the limit here is
     * a duration, which also reads directly as the data an RPO allows to lose.
     */
    public static final Duration DEFAULT_MAXIMUM_LAG_ON_FAILOVER = Duration.ofSeconds(10);

    private static final String STANDBY = "standby";

    private final Duration maximumLagOnFailover;

    /**
     * Creates a selection with the largest lag a promoted standby may have.
     *
     * @param maximumLagOnFailover the largest replication lag a standby may have and still be promoted
     */
    public StandbySelection(Duration maximumLagOnFailover) {
        if (maximumLagOnFailover == null || maximumLagOnFailover.isNegative()) {
            throw new IllegalArgumentException(
                    "StandbySelection.maximumLagOnFailover must be zero or positive, was " + maximumLagOnFailover);
        }
        this.maximumLagOnFailover = maximumLagOnFailover;
    }

    /**
     * Creates a selection with the default maximum lag of 10 seconds.
     */
    public StandbySelection() {
        this(DEFAULT_MAXIMUM_LAG_ON_FAILOVER);
    }

    /**
     * Chooses the standby to promote.
     *
     * @param observations probe observations of the target's members, from one or more monitors
     * @return the least lagging fit standby, or no instance and a reason naming every candidate and why it is unfit
     */
    public StandbyChoice choose(List<ProbeObservation> observations) {
        // When several monitors saw the same member, the worst sighting decides: promoting on the most
        // optimistic view is how data gets lost.
        Map<String, ProbeObservation> worstPerInstance = new LinkedHashMap<>();
        for (ProbeObservation observation : observations) {
            String instance = observation.instance() == null ? observation.probe() : observation.instance();
            worstPerInstance.merge(instance, observation, StandbySelection::worse);
        }
        List<String> verdicts = new ArrayList<>();
        String best = null;
        Duration bestLag = null;
        for (Map.Entry<String, ProbeObservation> entry : worstPerInstance.entrySet()) {
            String unfit = unfitBecause(entry.getValue());
            verdicts.add(
                    entry.getKey() + (unfit == null ? " fit, lag " + entry.getValue().replicationLag() : " " + unfit));
            if (unfit == null && (bestLag == null || entry.getValue().replicationLag().compareTo(bestLag) < 0)) {
                best = entry.getKey();
                bestLag = entry.getValue().replicationLag();
            }
        }
        if (best == null) {
            return new StandbyChoice(null, null, "no standby fit for promotion (maximum lag " + maximumLagOnFailover
                    + "): " + (verdicts.isEmpty() ? "no member observed" : String.join("; ", verdicts)));
        }
        return new StandbyChoice(best, bestLag, "promote '" + best + "': " + String.join("; ", verdicts));
    }

    private String unfitBecause(ProbeObservation observation) {
        if (!STANDBY.equalsIgnoreCase(observation.role())) {
            return "is not a standby (role " + observation.role() + ")";
        }
        if (!observation.ok()) {
            return "failed its probe" + (observation.error() == null ? "" : ": " + observation.error());
        }
        if (observation.replicationLag() == null) {
            return "reported no replication lag, so how much it would lose is unknown";
        }
        if (observation.replicationLag().compareTo(maximumLagOnFailover) > 0) {
            return "lags " + observation.replicationLag() + ", more than the maximum " + maximumLagOnFailover;
        }
        return null;
    }

    private static ProbeObservation worse(ProbeObservation a, ProbeObservation b) {
        Comparator<ProbeObservation> badness = Comparator.comparing((ProbeObservation o) -> !o.ok())
                .thenComparing(o -> o.replicationLag() == null ? Duration.ofDays(365_000) : o.replicationLag());
        return badness.compare(a, b) >= 0 ? a : b;
    }
}
