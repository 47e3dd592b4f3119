package io.lifeboat.dr.domain;

import java.time.Instant;

/**
 * What the orchestrator remembers of one target between runs: its latest run and when it last failed over.
 *
 * @param latest the latest run of the target; null when it never had one
 * @param lastFailoverAt when a failover of the target last fenced a primary; null when never
 */
public record TargetRuns(RunState latest, Instant lastFailoverAt) {

    /**
     * Returns the memory of a target that never had a run.
     *
     * @return no run, no failover
     */
    public static TargetRuns none() {
        return new TargetRuns(null, null);
    }

    /**
     * Returns this memory after a run changed.
     *
     * @param run the new state of the target's run
     * @return the memory with {@code run} as latest, and the failover instant moved when the run fenced a primary
     */
    public TargetRuns with(RunState run) {
        // A failover counts from the moment the old primary was fenced, whether or not the promotion succeeded:
        // the topology changed either way, and an automatic second failover on top of it is how data gets lost.
        boolean fenced = run.kind() == RunbookKind.FAILOVER && !run.dryRun() && run.done("fence-primary");
        Instant fencedAt = fenced ? run.step("fence-primary").orElseThrow().finishedAt() : null;
        boolean newer = fencedAt != null && (lastFailoverAt == null || fencedAt.isAfter(lastFailoverAt));
        return new TargetRuns(run, newer ? fencedAt : lastFailoverAt);
    }
}
