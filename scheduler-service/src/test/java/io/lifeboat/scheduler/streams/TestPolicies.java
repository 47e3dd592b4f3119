package io.lifeboat.scheduler.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.backup.BackupStarted;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.StorageLocation;
import io.lifeboat.events.policy.BackupSchedule;
import io.lifeboat.events.policy.DefinePolicy;
import io.lifeboat.events.policy.FailoverMode;
import io.lifeboat.events.policy.PolicySpec;
import io.lifeboat.events.policy.ProtectionTier;
import io.lifeboat.events.policy.Retention;
import io.lifeboat.events.policy.Scheduling;

/** Policies and backup facts for scheduler tests. */
final class TestPolicies {

    private TestPolicies() {
    }

    static PolicySpec spec(String targetId, List<BackupSchedule> schedules, String verifyCron, String drillCron,
            Scheduling scheduling) {
        return new PolicySpec(targetId, Engine.POSTGRES, "secret://lifeboat/" + targetId, ProtectionTier.TIER_1,
                schedules, true, Duration.ofMinutes(5), Duration.ofHours(1), new Retention(0, 7, 4, 12, 7, null),
                List.of(), verifyCron, drillCron, scheduling, FailoverMode.AUTOMATIC);
    }

    static DefinePolicy define(PolicySpec spec) {
        return new DefinePolicy(UUID.randomUUID().toString(), spec, "ops:test", null, 1);
    }

    static DefinePolicy fullBackups(String targetId, String cron) {
        return define(spec(targetId, List.of(new BackupSchedule(BackupType.FULL, cron)), null, null, null));
    }

    static BackupStarted started(String targetId, String commandId, String backupId, Instant at) {
        return new BackupStarted(backupId, targetId, Engine.POSTGRES, BackupType.FULL, commandId, null, at);
    }

    static BackupCompleted completed(String targetId, String commandId, String backupId, Instant startedAt,
            Instant at) {
        return new BackupCompleted(backupId, targetId, Engine.POSTGRES, BackupType.FULL, commandId, null, startedAt,
                at, at, "0/1000000", "0/2000000", 100, 50, "0".repeat(64),
                new StorageLocation("lifeboat", targetId + "/" + backupId + "/"), "STANDARD", null);
    }
}
