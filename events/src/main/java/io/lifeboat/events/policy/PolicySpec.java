package io.lifeboat.events.policy;

import java.time.Duration;
import java.util.List;

import io.lifeboat.events.Engine;

/**
 * A protection policy as a person or another system writes it (a YAML file, a REST body, a {@code DefinePolicy}
 * command): every field may be missing or wrong here; the scheduler validates it, fills the tier's defaults and
 * publishes the result as {@link PolicyDefined}.
 *
 * @param targetId id of the protected target
 * @param engine engine of the target
 * @param connectionRef reference to the secret holding the target's connection details, never the secret itself
 * @param tier how critical the target is; it sets the defaults of rpo, rto and failoverMode
 * @param schedules when each kind of backup is taken (optional)
 * @param continuousArchiving whether WAL or oplog is archived continuously between backups; false when absent
 *        (optional)
 * @param rpo recovery point objective; the tier's when absent (optional)
 * @param rto recovery time objective; the tier's when absent (optional)
 * @param retention how many backups to keep and for how long; keep everything when absent (optional)
 * @param storageTiers storage tiers by age (optional)
 * @param verificationCron cron expression for verifying a random backup of the last 24 hours (optional)
 * @param drillCron cron expression for recovery drills (optional)
 * @param scheduling time zone, misfire handling and stagger window of the schedules (optional)
 * @param failoverMode how the DR orchestrator reacts to an outage; the tier's when absent (optional)
 */
public record PolicySpec(String targetId, Engine engine, String connectionRef, ProtectionTier tier,
        List<BackupSchedule> schedules, Boolean continuousArchiving, Duration rpo, Duration rto, Retention retention,
        List<StorageTier> storageTiers, String verificationCron, String drillCron, Scheduling scheduling,
        FailoverMode failoverMode) {

    /**
     * Returns this spec with another target id, e.g. the one of a REST path.
     *
     * @param id the target id
     * @return a copy naming {@code id}
     */
    public PolicySpec withTargetId(String id) {
        return new PolicySpec(id, engine, connectionRef, tier, schedules, continuousArchiving, rpo, rto, retention,
                storageTiers, verificationCron, drillCron, scheduling, failoverMode);
    }
}
