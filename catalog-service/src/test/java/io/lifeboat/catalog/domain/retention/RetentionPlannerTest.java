package io.lifeboat.catalog.domain.retention;

import static io.lifeboat.catalog.domain.RetentionEntries.expireRequested;
import static io.lifeboat.catalog.domain.RetentionEntries.full;
import static io.lifeboat.catalog.domain.RetentionEntries.inPhase;
import static io.lifeboat.catalog.domain.RetentionEntries.incremental;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.lifeboat.catalog.domain.EntryBuilder;
import io.lifeboat.catalog.domain.RetentionEntries;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupPhase;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.catalog.CatalogEntry;
import io.lifeboat.events.policy.FailoverMode;
import io.lifeboat.events.policy.PolicyDefined;
import io.lifeboat.events.policy.ProtectionTier;
import io.lifeboat.events.policy.Retention;
import io.lifeboat.events.policy.RetentionAges;
import io.lifeboat.events.policy.StorageTier;

/** The retention rules one by one, the protections that win over them, log retention and due storage tiers. */
class RetentionPlannerTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:30:00Z");

    private final RetentionPlanner planner = new RetentionPlanner();

    @Test
    void keepsTheNewestRestorableBackupWhenEveryRuleWouldExpireIt() {
        List<CatalogEntry> entries = List.of(full("f-0", daysAgo(20)), full("f-1", daysAgo(10)),
                incremental("i-1", "f-1", daysAgo(9)),
                inPhase(full("f-failed", daysAgo(8.5)), BackupPhase.FAILED),
                // Newer than i-1 but not restorable: their chains lead to a failed and to a missing backup.
                incremental("i-2", "f-failed", daysAgo(8)), incremental("i-3", "f-missing", daysAgo(7)));

        RetentionPlan plan = planner.plan(entries, policy(new Retention(0, 0, 0, 0, 0, Duration.ofDays(1))), NOW);

        assertThat(plan.keptBecause()).containsOnlyKeys("i-1", "f-1");
        assertThat(plan.keptBecause().get("i-1")).isEqualTo("newest restorable backup");
        assertThat(plan.keptBecause().get("f-1")).isEqualTo("base of i-1");
        assertThat(plan.tags().get("i-1")).isEmpty();
        assertThat(plan.expire()).containsExactly(new Expiry("f-0", "retention: older than maxAge P1D"),
                new Expiry("i-2", "retention: older than maxAge P1D"),
                new Expiry("i-3", "retention: older than maxAge P1D"));
    }

    @Test
    void keepsTheWholeChainOfAKeptIncrementalEvenPastMaxAge() {
        List<CatalogEntry> entries = List.of(full("f-old", daysAgo(60)), full("f-1", daysAgo(35)),
                incremental("i-1", "f-1", daysAgo(34)), incremental("i-2", "i-1", daysAgo(29)),
                incremental("i-3", "i-2", daysAgo(28)), full("f-2", daysAgo(2)));

        RetentionPlan plan = planner.plan(entries, policy(new Retention(0, 2, 0, 0, 0, Duration.ofDays(30))), NOW);

        assertThat(plan.kept()).containsExactly("f-2", "i-3", "i-2", "i-1", "f-1");
        assertThat(plan.keptBecause()).containsEntry("f-2", "daily 2026-11-19, newest restorable backup")
                .containsEntry("i-3", "daily 2026-10-24").containsEntry("i-2", "base of i-3")
                .containsEntry("i-1", "base of i-3").containsEntry("f-1", "base of i-3");
        assertThat(plan.tags().get("f-1")).isEmpty();
        assertThat(plan.expire()).containsExactly(new Expiry("f-old", "retention: older than maxAge P30D"));
    }

    @Test
    void namesTheNewestDependantWhenSeveralKeptBackupsNeedTheSameBase() {
        List<CatalogEntry> entries = List.of(full("f-1", daysAgo(3)), incremental("i-1", "f-1", daysAgo(2)),
                incremental("i-2", "i-1", daysAgo(1)));

        RetentionPlan plan = planner.plan(entries, policy(keepLast(2)), NOW);

        assertThat(plan.keptBecause()).containsEntry("i-1", "keep-last 2, base of i-2").containsEntry("f-1",
                "base of i-2 and 1 more");
        assertThat(plan.expire()).isEmpty();
    }

    @Test
    void expiresNothingUnderLegalHold() {
        List<CatalogEntry> entries = List.of(full("f-400", daysAgo(400)), full("f-10", daysAgo(10)),
                full("f-5", daysAgo(5)));
        Retention held = new Retention(0, 0, 0, 0, 0, Duration.ofDays(1), null, null, null, true);

        RetentionPlan plan = planner.plan(entries, policy(held), NOW);

        assertThat(plan.expire()).isEmpty();
        assertThat(plan.keptBecause()).containsEntry("f-5", "newest restorable backup, legal hold")
                .containsEntry("f-10", "legal hold").containsEntry("f-400", "legal hold");
    }

    @Test
    void keepLastKeepsTheNewestBackupsWhateverTheirAge() {
        List<CatalogEntry> entries = List.of(full("f-1", daysAgo(100)), full("f-2", daysAgo(200)),
                full("f-3", daysAgo(300)), full("f-4", daysAgo(400)), full("f-5", daysAgo(500)));

        RetentionPlan plan = planner.plan(entries, policy(keepLast(2)), NOW);

        assertThat(plan.keptBecause()).containsOnlyKeys("f-1", "f-2").containsEntry("f-1",
                "keep-last 2, newest restorable backup").containsEntry("f-2", "keep-last 2");
        assertThat(ids(plan.expire())).containsExactly("f-5", "f-4", "f-3");
        assertThat(plan.expire()).extracting(Expiry::reason).containsOnly("retention: not kept by keep-last 2");
        assertThat(plan.keepLogFrom()).isNull();
        assertThat(plan.dueTiers()).isEmpty();
    }

    @Test
    void keepWithinKeepsEveryBackupYoungerThanItsAge() {
        List<CatalogEntry> entries = List.of(full("f-1h", NOW.minus(Duration.ofHours(1))),
                full("f-23h", NOW.minus(Duration.ofHours(23))), full("f-25h", NOW.minus(Duration.ofHours(25))),
                full("f-48h", NOW.minus(Duration.ofHours(48))));
        Retention within = new Retention(0, 0, 0, 0, 0, null, null, Duration.ofHours(24), null, null);

        RetentionPlan plan = planner.plan(entries, policy(within), NOW);

        assertThat(plan.keptBecause()).containsOnlyKeys("f-1h", "f-23h").containsEntry("f-23h", "younger than P1D");
        assertThat(plan.expire()).containsExactly(new Expiry("f-48h", "retention: not kept by keep-within P1D"),
                new Expiry("f-25h", "retention: not kept by keep-within P1D"));
    }

    @Test
    void bucketAgeStopsABucketKeepingOlderBackupsThoughItsCountIsNotReached() {
        List<CatalogEntry> entries = new ArrayList<>();
        for (int day = 17; day <= 21; day++) {
            entries.add(full("d-" + day, Instant.parse("2026-11-" + day + "T02:00:00Z")));
        }
        RetentionAges ages = new RetentionAges(null, Duration.ofDays(3), null, null, null);
        Retention daily = new Retention(0, 10, 0, 0, 0, null, null, null, ages, null);

        RetentionPlan plan = planner.plan(entries, policy(daily), NOW);

        // Ages at 09:30: d-21 7.5 h, d-20 1 d 7.5 h, d-19 2 d 7.5 h, d-18 3 d 7.5 h.
        assertThat(plan.kept()).containsExactly("d-21", "d-20", "d-19");
        assertThat(plan.expire()).containsExactly(new Expiry("d-17", "retention: not kept by daily 10 within P3D"),
                new Expiry("d-18", "retention: not kept by daily 10 within P3D"));
    }

    @Test
    void maxAgeExpiresBackupsAnotherRulePicked() {
        List<CatalogEntry> entries = List.of(full("f-1", daysAgo(1)), full("f-5", daysAgo(5)),
                full("f-8", daysAgo(8)), full("f-10", daysAgo(10)));
        Retention retention = new Retention(0, 0, 0, 0, 0, Duration.ofDays(7), 10, null, null, null);

        RetentionPlan plan = planner.plan(entries, policy(retention), NOW);

        assertThat(plan.kept()).containsExactly("f-1", "f-5");
        assertThat(plan.expire()).containsExactly(new Expiry("f-10", "retention: older than maxAge P7D"),
                new Expiry("f-8", "retention: older than maxAge P7D"));
    }

    @Test
    void saysNoRuleKeepsAnyBackupWhenThePolicyHasNoRule() {
        List<CatalogEntry> entries = List.of(full("f-1", daysAgo(1)), full("f-2", daysAgo(2)));

        RetentionPlan plan = planner.plan(entries, policy(new Retention(0, 0, 0, 0, 0, null)), NOW);

        assertThat(plan.kept()).containsExactly("f-1");
        assertThat(plan.expire()).containsExactly(new Expiry("f-2", "retention: no rule keeps any backup"));
    }

    @Test
    void leavesBackupsBeingDeletedAndUnfinishedOrGoneBackupsOutOfThePlan() {
        List<CatalogEntry> entries = List.of(expireRequested(full("f-deleting", daysAgo(0.1)), daysAgo(0.05)),
                inPhase(full("f-running", daysAgo(0.02)), BackupPhase.RUNNING),
                inPhase(full("f-pending", daysAgo(0.01)), BackupPhase.PENDING),
                inPhase(full("f-failed", daysAgo(0.5)), BackupPhase.FAILED),
                inPhase(full("f-expired", daysAgo(30)), BackupPhase.EXPIRED), full("f-a", daysAgo(1)),
                full("f-b", daysAgo(2)));

        RetentionPlan plan = planner.plan(entries, policy(keepLast(1)), NOW);

        // keep-last 1 counts f-a: the newer backup being deleted is not kept any more.
        assertThat(plan.keptBecause()).containsOnlyKeys("f-a").containsEntry("f-a",
                "keep-last 1, newest restorable backup");
        assertThat(plan.tags()).containsOnlyKeys("f-a");
        assertThat(plan.expire()).containsExactly(new Expiry("f-b", "retention: not kept by keep-last 1"));
    }

    @Test
    void doesNotProtectABackupWhoseBaseIsBeingDeleted() {
        List<CatalogEntry> entries = List.of(expireRequested(full("f-1", daysAgo(5)), daysAgo(1)),
                incremental("i-1", "f-1", daysAgo(4)), full("f-0", daysAgo(9)));

        RetentionPlan plan = planner.plan(entries, policy(new Retention(0, 0, 0, 0, 0, null)), NOW);

        assertThat(plan.keptBecause()).containsOnly(Map.entry("f-0", "newest restorable backup"));
        assertThat(ids(plan.expire())).containsExactly("i-1");
    }

    @Test
    void keepsArchivedLogFromTheStartOfTheOldestKeptBase() {
        List<CatalogEntry> entries = List.of(full("f-1", daysAgo(3), "0/1000000"), full("f-2", daysAgo(2), "0/3000000"),
                full("f-3", daysAgo(1), "0/5000000"), incremental("i-4", "f-3", daysAgo(0.1)));

        RetentionPlan plan = planner.plan(entries, policy(keepLast(3)), NOW);

        assertThat(plan.kept()).containsExactly("i-4", "f-3", "f-2");
        assertThat(plan.keepLogFrom()).isEqualTo("0/3000000");
    }

    @Test
    void carriesTheDueStorageTierOfEveryKeptBackup() {
        List<CatalogEntry> entries = List.of(full("f-40", daysAgo(40)), full("f-1", daysAgo(1)),
                full("f-90", daysAgo(90)));
        StorageTier hot = new StorageTier("hot", 0, "STANDARD");
        StorageTier cold = new StorageTier("cold", 30, "GLACIER");

        RetentionPlan plan = planner.plan(entries, policy(keepLast(2), List.of(hot, cold)), NOW);

        assertThat(plan.dueTiers()).containsOnlyKeys("f-1", "f-40").containsEntry("f-1", hot).containsEntry("f-40",
                cold);
    }

    @Test
    void datesABackupWithoutAConsistentInstantByItsCompletion() {
        List<CatalogEntry> entries = List.of(full("f-1", daysAgo(1)),
                RetentionEntries.fullWithoutConsistentAt("f-undated", daysAgo(0.5)));
        Retention within = new Retention(0, 0, 0, 0, 0, null, null, Duration.ofDays(2), null, null);

        RetentionPlan plan = planner.plan(entries, policy(within), NOW);

        assertThat(plan.kept()).containsExactly("f-undated", "f-1");
        // Not restorable without a consistent instant, so the protection goes to the older backup.
        assertThat(plan.keptBecause().get("f-1")).isEqualTo("younger than P2D, newest restorable backup");
    }

    @Test
    void rejectsEntriesOfAnotherTarget() {
        CatalogEntry stranger = EntryBuilder.of("b-1", "billing-db", Engine.POSTGRES, BackupType.FULL)
                .phase(BackupPhase.COMPLETED).build(NOW);

        assertThatThrownBy(() -> planner.plan(List.of(stranger), policy(keepLast(1)), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retention plan of target 'orders-db' was given backup 'b-1' of target 'billing-db'");
    }

    private static Retention keepLast(int count) {
        return new Retention(0, 0, 0, 0, 0, null, count, null, null, null);
    }

    private static PolicyDefined policy(Retention retention) {
        return policy(retention, List.of());
    }

    private static PolicyDefined policy(Retention retention, List<StorageTier> tiers) {
        return new PolicyDefined(RetentionEntries.TARGET, Engine.POSTGRES, "secret://orders-db", ProtectionTier.TIER_1,
                List.of(), true, Duration.ofMinutes(15), Duration.ofHours(1), retention, tiers, null, null,
                FailoverMode.MANUAL, "ops", Instant.parse("2025-09-01T00:00:00Z"));
    }

    private static Instant daysAgo(double days) {
        return NOW.minus(Duration.ofMinutes(Math.round(days * 24 * 60)));
    }

    private static List<String> ids(List<Expiry> expire) {
        return expire.stream().map(Expiry::backupId).collect(Collectors.toList());
    }
}
