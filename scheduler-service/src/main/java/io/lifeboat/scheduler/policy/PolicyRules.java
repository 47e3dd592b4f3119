package io.lifeboat.scheduler.policy;

import java.time.Instant;

import io.lifeboat.events.policy.PolicyDefined;
import io.lifeboat.events.policy.PolicySpec;

/** Placeholder. */
public final class PolicyRules {
    private PolicyRules() {
    }

    /** Placeholder. */
    public static PolicyDefined define(PolicySpec s, String by, Instant at, String commandId) {
        try {
            return new PolicyDefined(s.targetId(), s.engine(), s.connectionRef(), s.tier(), s.schedules(),
                    Boolean.TRUE.equals(s.continuousArchiving()), s.rpo(), s.rto(), s.retention(), s.storageTiers(),
                    s.verificationCron(), s.drillCron(), s.scheduling(), s.failoverMode(), by, at, commandId);
        } catch (RuntimeException e) {
            throw new PolicyRejectedException(e.getMessage());
        }
    }
}
