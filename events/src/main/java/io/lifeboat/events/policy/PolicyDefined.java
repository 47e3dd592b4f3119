package io.lifeboat.events.policy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.lifeboat.events.Engine;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;

/**
 * The whole protection policy of one target; the newest value per target on the compacted topic is in force.
 *
 * @param targetId id of the protected target
 * @param engine engine of the target
 * @param connectionRef reference to the secret holding the target's connection details, never the secret itself
 * @param tier how critical the target is
 * @param schedules when each kind of backup is taken
 * @param continuousArchiving whether WAL or oplog is archived continuously between backups
 * @param rpo recovery point objective: the most data loss, in time, the target may suffer
 * @param rto recovery time objective: the longest the target may be unavailable
 * @param retention how many backups to keep and for how long
 * @param storageTiers storage tiers by age, in ascending afterDays
 * @param verificationCron Unix cron expression in UTC for artifact verification (optional)
 * @param drillCron Unix cron expression in UTC for recovery drills (optional)
 * @param failoverMode how the DR orchestrator reacts to an outage
 * @param definedBy user or system that defined this version of the policy (optional)
 * @param definedAt instant this version of the policy was defined
 */
public record PolicyDefined(String targetId, Engine engine, String connectionRef, ProtectionTier tier,
        List<BackupSchedule> schedules, boolean continuousArchiving, Duration rpo, Duration rto, Retention retention,
        List<StorageTier> storageTiers, String verificationCron, String drillCron, FailoverMode failoverMode,
        String definedBy, Instant definedAt) implements LifeboatMessage {

    /**
     * Validates ids, objectives and lists, and rejects a connection reference that embeds a password.
     */
    public PolicyDefined {
        Require.nonBlank(targetId, "PolicyDefined.targetId");
        Require.nonNull(engine, "PolicyDefined.engine");
        Require.nonBlank(connectionRef, "PolicyDefined.connectionRef");
        if (embedsPassword(connectionRef)) {
            throw new IllegalArgumentException(
                    "PolicyDefined.connectionRef of target '" + targetId + "' embeds a password; reference a secret");
        }
        Require.nonNull(tier, "PolicyDefined.tier");
        schedules = Require.listOf(schedules);
        Require.nonNull(rpo, "PolicyDefined.rpo");
        Require.nonNull(rto, "PolicyDefined.rto");
        Require.nonNull(retention, "PolicyDefined.retention");
        storageTiers = Require.listOf(storageTiers);
        Require.nonNull(failoverMode, "PolicyDefined.failoverMode");
        Require.nonNull(definedAt, "PolicyDefined.definedAt");
    }

    private static boolean embedsPassword(String reference) {
        try {
            String userInfo = URI.create(reference).getRawUserInfo();
            return userInfo != null && userInfo.contains(":");
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }
}
