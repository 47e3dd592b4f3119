package io.lifeboat.catalog.domain.dr;

import java.time.Instant;

import io.lifeboat.events.dr.FailoverFailed;

/**
 * Where a failover stopped, as its {@code FailoverFailed} reported it.
 *
 * @param failedStep id of the step that failed
 * @param reason the cause, naming the instance and the error
 * @param primaryFenced whether the old primary was fenced before the failure
 * @param failedAt instant the runbook stopped
 */
public record FailoverFailure(String failedStep, String reason, boolean primaryFenced, Instant failedAt) {

    /**
     * Takes the failure from the fact.
     *
     * @param fact the failed failover
     * @return its failure
     */
    public static FailoverFailure of(FailoverFailed fact) {
        return new FailoverFailure(fact.failedStep(), fact.reason(), fact.primaryFenced(), fact.failedAt());
    }
}
