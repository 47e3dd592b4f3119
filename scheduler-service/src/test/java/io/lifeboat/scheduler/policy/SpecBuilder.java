package io.lifeboat.scheduler.policy;

import java.time.Duration;
import java.util.List;

import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.policy.BackupSchedule;
import io.lifeboat.events.policy.FailoverMode;
import io.lifeboat.events.policy.PolicySpec;
import io.lifeboat.events.policy.ProtectionTier;
import io.lifeboat.events.policy.Retention;
import io.lifeboat.events.policy.Scheduling;
import io.lifeboat.events.policy.StorageTier;

/** A valid postgres policy to start tests from, changed one field at a time. */
final class SpecBuilder {

    String targetId = "orders-db";
    Engine engine = Engine.POSTGRES;
    String connectionRef = "vault://lifeboat/orders-db";
    ProtectionTier tier = ProtectionTier.TIER_1;
    List<BackupSchedule> schedules = List.of(new BackupSchedule(BackupType.FULL, "0 2 * * *"));
    Boolean continuousArchiving = true;
    Duration rpo;
    Duration rto;
    Retention retention;
    List<StorageTier> storageTiers;
    String verificationCron;
    String drillCron;
    Scheduling scheduling;
    FailoverMode failoverMode;

    static SpecBuilder postgres() {
        return new SpecBuilder();
    }

    static SpecBuilder of(Engine engine, BackupType type) {
        SpecBuilder b = new SpecBuilder();
        b.engine = engine;
        b.schedules = List.of(new BackupSchedule(type, "0 2 * * *"));
        b.continuousArchiving = null;
        b.rpo = Duration.ofDays(1);
        return b;
    }

    SpecBuilder schedules(BackupSchedule... values) {
        schedules = List.of(values);
        return this;
    }

    PolicySpec build() {
        return new PolicySpec(targetId, engine, connectionRef, tier, schedules, continuousArchiving, rpo, rto,
                retention, storageTiers, verificationCron, drillCron, scheduling, failoverMode);
    }
}
