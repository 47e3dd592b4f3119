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
 * @param verificationCron cron expression for verifying a random backup of the last 24 hours (optional)
 * @param drillCron cron expression for recovery drills (optional)
 * @param scheduling time zone of the cron expressions, misfire handling and stagger window (optional)
 * @param failoverMode how the DR orchestrator reacts to an outage
 * @param definedBy user or system that defined this version of the policy (optional)
 * @param definedAt instant this version of the policy was defined
 * @param commandId id of the {@code DefinePolicy} command that defined this version (optional)
 */
public record PolicyDefined(String targetId, Engine engine, String connectionRef, ProtectionTier tier,
        List<BackupSchedule> schedules, boolean continuousArchiving, Duration rpo, Duration rto, Retention retention,
        List<StorageTier> storageTiers, String verificationCron, String drillCron, Scheduling scheduling,
        FailoverMode failoverMode, String definedBy, Instant definedAt, String commandId) implements LifeboatMessage {

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

    /**
     * Creates a policy with UTC schedules, the default misfire handling and stagger, and no command id.
     *
     * @param targetId id of the protected target
     * @param engine engine of the target
     * @param connectionRef reference to the secret holding the target's connection details
     * @param tier how critical the target is
     * @param schedules when each kind of backup is taken
     * @param continuousArchiving whether WAL or oplog is archived continuously between backups
     * @param rpo recovery point objective
     * @param rto recovery time objective
     * @param retention how many backups to keep and for how long
     * @param storageTiers storage tiers by age
     * @param verificationCron cron expression for verification (optional)
     * @param drillCron cron expression for recovery drills (optional)
     * @param failoverMode how the DR orchestrator reacts to an outage
     * @param definedBy user or system that defined this version (optional)
     * @param definedAt instant this version was defined
     */
    public PolicyDefined(String targetId, Engine engine, String connectionRef, ProtectionTier tier,
            List<BackupSchedule> schedules, boolean continuousArchiving, Duration rpo, Duration rto,
            Retention retention, List<StorageTier> storageTiers, String verificationCron, String drillCron,
            FailoverMode failoverMode, String definedBy, Instant definedAt) {
        this(targetId, engine, connectionRef, tier, schedules, continuousArchiving, rpo, rto, retention, storageTiers,
                verificationCron, drillCron, null, failoverMode, definedBy, definedAt, null);
    }

    /**
     * Returns the scheduling settings in force.
     *
     * @return {@code scheduling}, or UTC with default misfire handling and stagger when absent
     */
    public Scheduling schedulingOrDefault() {
        return scheduling == null ? new Scheduling(null, null, null, null) : scheduling;
    }

    /**
     * Tells whether a connection reference embeds a password ({@code scheme://user:password@host}).
     *
     * @param reference the reference
     * @return true when its user info carries a password
     */
    public static boolean embedsPassword(String reference) {
        try {
            String userInfo = URI.create(reference).getRawUserInfo();
            return userInfo != null && userInfo.contains(":");
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }
}
