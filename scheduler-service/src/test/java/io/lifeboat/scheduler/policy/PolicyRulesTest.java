package io.lifeboat.scheduler.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.policy.BackupSchedule;
import io.lifeboat.events.policy.FailoverMode;
import io.lifeboat.events.policy.PolicyDefined;
import io.lifeboat.events.policy.PolicySpec;
import io.lifeboat.events.policy.ProtectionTier;
import io.lifeboat.events.policy.Retention;
import io.lifeboat.events.policy.RetentionAges;
import io.lifeboat.events.policy.Scheduling;
import io.lifeboat.events.policy.StorageTier;

class PolicyRulesTest {

    private static final Instant NOW = Instant.parse("2026-02-01T10:00:00Z");

    @Test
    void acceptsAValidPolicyWithoutProblems() {
        PolicyCheck check = PolicyRules.check(SpecBuilder.postgres().build());

        assertThat(check.ok()).isTrue();
        assertThat(check.errors()).isEmpty();
        assertThat(check.warnings()).isEmpty();
    }

    @Test
    void reportsEveryMissingRequiredFieldAtOnce() {
        PolicySpec empty = new PolicySpec(null, null, " ", null, null, null, null, null, null, null, null, null, null,
                null);

        assertThat(errors(empty)).containsExactly("targetId: is required", "engine: is required",
                "tier: is required", "connectionRef: is required");
    }

    @Test
    void rejectsAConnectionRefWithAPasswordWithoutRepeatingIt() {
        SpecBuilder spec = SpecBuilder.postgres();
        spec.connectionRef = "postgresql://backup:s3cret@db:5432/orders";

        List<String> errors = errors(spec.build());

        assertThat(errors).singleElement().asString().startsWith("connectionRef: embeds a password")
                .doesNotContain("s3cret");
    }

    @Test
    void rejectsTargetIdsThatAreNotSafeAsObjectStorePrefixes() {
        for (String id : List.of("orders/db", "../etc", ".hidden", "a..b", "with space", "x".repeat(129))) {
            SpecBuilder spec = SpecBuilder.postgres();
            spec.targetId = id;
            assertThat(errors(spec.build())).as(id).singleElement().asString()
                    .startsWith("targetId: '" + id + "' is not safe as an object-store key prefix");
        }
        SpecBuilder fine = SpecBuilder.postgres();
        fine.targetId = "Orders_db-2.eu";
        assertThat(errors(fine.build())).isEmpty();
    }

    @Test
    void namesTheScheduleWhoseCronIsInvalid() {
        SpecBuilder spec = SpecBuilder.postgres().schedules(new BackupSchedule(BackupType.FULL, "0 2 * * *"),
                new BackupSchedule(BackupType.LOGICAL, "0 25 * * *"));

        assertThat(errors(spec.build())).singleElement().asString()
                .startsWith("schedules[1].cron: invalid cron '0 25 * * *'");
    }

    @Test
    void namesTheEngineAndTheTypesItTakesWhenTheAgentDoesNotTakeABackupType() {
        assertThat(errors(SpecBuilder.of(Engine.POSTGRES, BackupType.SNAPSHOT).build())).containsExactly(
                "schedules[0].backupType: SNAPSHOT is not taken by the postgres agent; it takes FULL, LOGICAL");
        assertThat(errors(SpecBuilder.of(Engine.REDIS, BackupType.LOGICAL).build())).containsExactly(
                "schedules[0].backupType: LOGICAL is not taken by the redis agent; it takes FULL, SNAPSHOT");
        assertThat(errors(SpecBuilder.of(Engine.MONGODB, BackupType.INCREMENTAL).build())).containsExactly(
                "schedules[0].backupType: INCREMENTAL is not taken by the mongodb agent; it takes FULL, LOGICAL");
        assertThat(errors(SpecBuilder.of(Engine.FILESYSTEM, BackupType.LOGICAL).build())).containsExactly(
                "schedules[0].backupType: LOGICAL is not taken by the filesystem agent; it takes FULL, INCREMENTAL,"
                        + " DIFFERENTIAL, SNAPSHOT");
    }

    @Test
    void rejectsTheSameTypeAndCronTwice() {
        SpecBuilder spec = SpecBuilder.postgres().schedules(new BackupSchedule(BackupType.FULL, "0 2 * * *"),
                new BackupSchedule(BackupType.LOGICAL, "0 2 * * *"),
                new BackupSchedule(BackupType.FULL, " 0  2 * * * "));

        assertThat(errors(spec.build())).containsExactly("schedules[2]: duplicates schedules[0] (FULL '0 2 * * *')");
    }

    @Test
    void rejectsAnUnknownTimeZone() {
        SpecBuilder spec = SpecBuilder.postgres();
        spec.scheduling = new Scheduling("Europe/Atlantis", null, null, null);

        assertThat(errors(spec.build())).singleElement().asString()
                .startsWith("scheduling.timeZone: unknown time zone 'Europe/Atlantis'");
    }

    @Test
    void rejectsZeroOrNegativeObjectives() {
        SpecBuilder spec = SpecBuilder.postgres();
        spec.rpo = Duration.ZERO;
        spec.rto = Duration.ofMinutes(-5);

        assertThat(errors(spec.build())).containsExactly("rpo: PT0S must be positive", "rto: PT-5M must be positive");
    }

    @Test
    void rejectsContinuousArchivingOnAnEngineThatArchivesNoLog() {
        SpecBuilder redis = SpecBuilder.of(Engine.REDIS, BackupType.SNAPSHOT);
        redis.continuousArchiving = true;
        SpecBuilder mongo = SpecBuilder.of(Engine.MONGODB, BackupType.LOGICAL);
        mongo.continuousArchiving = true;

        assertThat(errors(redis.build())).singleElement().asString()
                .startsWith(
                        "continuousArchiving: the redis agent archives no log continuously (only postgres, mongodb do)");
        assertThat(errors(mongo.build())).isEmpty();
    }

    @Test
    void rejectsInvalidVerificationAndDrillCrons() {
        SpecBuilder spec = SpecBuilder.postgres();
        spec.verificationCron = "every day";
        spec.drillCron = "0 0 2 * * *";

        assertThat(errors(spec.build())).satisfiesExactly(
                e -> assertThat(e).startsWith("verificationCron: invalid cron 'every day'"),
                e -> assertThat(e).startsWith("drillCron: invalid cron '0 0 2 * * *'"));
    }

    @Test
    void rejectsDuplicateUnorderedAndUnknownStorageTiers() {
        SpecBuilder spec = SpecBuilder.postgres();
        spec.storageTiers = List.of(new StorageTier("hot", 0, "STANDARD"), new StorageTier("cold", 30, "glacier"),
                new StorageTier("Hot", 30, "TAPE"));

        assertThat(errors(spec.build())).containsExactly(
                "storageTiers[2].name: 'Hot' is also the name of storageTiers[0]; tier names must be unique",
                "storageTiers[2].afterDays: 30 is not after storageTiers[1].afterDays 30; tiers must be in ascending"
                        + " afterDays",
                "storageTiers[2].storageClass: unknown storage class 'TAPE'; one of STANDARD, INTELLIGENT_TIERING,"
                        + " STANDARD_IA, ONEZONE_IA, GLACIER_IR, GLACIER, DEEP_ARCHIVE");
    }

    @Test
    void rejectsZeroOrNegativeRetentionDurations() {
        SpecBuilder spec = SpecBuilder.postgres();
        spec.retention = new Retention(0, 7, 0, 0, 0, Duration.ZERO, null, Duration.ofDays(-1),
                new RetentionAges(null, Duration.ZERO, null, null, null), null);

        assertThat(errors(spec.build())).containsExactly("retention.maxAge: PT0S must be positive",
                "retention.keepWithin: PT-24H must be positive", "retention.bucketAges.daily: PT0S must be positive");
    }

    @Test
    void rejectsAnExplicitStandbyFailoverOnAnEngineWithoutStandby() {
        SpecBuilder spec = SpecBuilder.of(Engine.REDIS, BackupType.SNAPSHOT);
        spec.failoverMode = FailoverMode.AUTOMATIC;

        assertThat(errors(spec.build())).containsExactly(
                "failoverMode: AUTOMATIC needs a standby to fail over to, and a redis target has none; use RESTORE");
    }

    @Test
    void reportsEveryProblemOfAPolicyAtOnce() {
        SpecBuilder spec = SpecBuilder.of(Engine.REDIS, BackupType.LOGICAL);
        spec.targetId = null;
        spec.continuousArchiving = true;
        spec.rpo = Duration.ZERO;
        spec.drillCron = "nope";

        assertThat(PolicyRules.check(spec.build()).errors()).extracting(PolicyProblem::field).containsExactly(
                "targetId", "rpo", "continuousArchiving", "schedules[0].backupType", "drillCron");
    }

    @Test
    void fillsTheDefaultsOfEachTierForPostgres() {
        assertThat(defined(ProtectionTier.TIER_1, Engine.POSTGRES)).containsExactly(Duration.ofMinutes(5),
                Duration.ofHours(1), FailoverMode.AUTOMATIC);
        assertThat(defined(ProtectionTier.TIER_2, Engine.POSTGRES)).containsExactly(Duration.ofMinutes(15),
                Duration.ofHours(4), FailoverMode.MANUAL);
        assertThat(defined(ProtectionTier.TIER_3, Engine.POSTGRES)).containsExactly(Duration.ofHours(1),
                Duration.ofHours(24), FailoverMode.RESTORE);
    }

    @Test
    void restoresInsteadOfFailingOverForEnginesWithoutStandby() {
        assertThat(defined(ProtectionTier.TIER_1, Engine.MONGODB)).containsExactly(Duration.ofMinutes(5),
                Duration.ofHours(1), FailoverMode.RESTORE);
        assertThat(defined(ProtectionTier.TIER_2, Engine.REDIS)).containsExactly(Duration.ofMinutes(15),
                Duration.ofHours(4), FailoverMode.RESTORE);
    }

    @Test
    void definesThePolicyWithItsOwnValuesAndFillsTheRest() {
        SpecBuilder spec = SpecBuilder.postgres();
        spec.continuousArchiving = null;
        spec.schedules = null;
        spec.rpo = Duration.ofMinutes(2);
        spec.failoverMode = FailoverMode.MANUAL;

        PolicyDefined policy = PolicyRules.define(spec.build(), "ops", NOW, "cmd-1");

        assertThat(policy.rpo()).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.rto()).isEqualTo(Duration.ofHours(1));
        assertThat(policy.failoverMode()).isEqualTo(FailoverMode.MANUAL);
        assertThat(policy.continuousArchiving()).isFalse();
        assertThat(policy.schedules()).isEmpty();
        assertThat(policy.storageTiers()).isEmpty();
        assertThat(policy.retention()).isEqualTo(PolicyRules.KEEP_EVERYTHING);
        assertThat(policy.retention().keepLast()).isEqualTo(Integer.MAX_VALUE);
        assertThat(policy.scheduling()).isNull();
        assertThat(List.of(policy.definedBy(), policy.definedAt(), policy.commandId()))
                .containsExactly("ops", NOW, "cmd-1");
    }

    @Test
    void rejectsADefinitionWithEveryErrorInTheMessage() {
        SpecBuilder spec = SpecBuilder.postgres();
        spec.tier = null;
        spec.rpo = Duration.ZERO;

        assertThatThrownBy(() -> PolicyRules.define(spec.build(), "ops", NOW, null))
                .isInstanceOfSatisfying(PolicyRejectedException.class, e -> {
                    assertThat(e.targetId()).isEqualTo("orders-db");
                    assertThat(e.problems()).extracting(PolicyProblem::field).containsExactly("tier", "rpo");
                })
                .hasMessage("policy of target 'orders-db' rejected: tier: is required; rpo: PT0S must be positive");
    }

    private static List<Object> defined(ProtectionTier tier, Engine engine) {
        SpecBuilder spec = SpecBuilder.of(engine, engine == Engine.REDIS ? BackupType.SNAPSHOT : BackupType.FULL);
        spec.tier = tier;
        spec.rpo = null;
        PolicyDefined policy = PolicyRules.define(spec.build(), null, NOW, null);
        return Arrays.asList(policy.rpo(), policy.rto(), policy.failoverMode());
    }

    private static List<String> errors(PolicySpec spec) {
        return PolicyRules.check(spec).errors().stream().map(PolicyProblem::toString).toList();
    }

    private static List<String> warnings(PolicyCheck check) {
        return check.warnings().stream().map(PolicyProblem::toString).toList();
    }
}
