package io.lifeboat.catalog.domain.plan;

import static io.lifeboat.catalog.domain.plan.PlanFixtures.at;
import static io.lifeboat.catalog.domain.plan.PlanFixtures.chains;
import static io.lifeboat.catalog.domain.plan.PlanFixtures.gap;
import static io.lifeboat.catalog.domain.plan.PlanFixtures.policy;
import static io.lifeboat.catalog.domain.plan.PlanFixtures.state;
import static io.lifeboat.catalog.domain.plan.PlanFixtures.tipAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.lifeboat.catalog.domain.Chains;
import io.lifeboat.catalog.domain.PlanEntries;
import io.lifeboat.catalog.domain.TargetState;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;

class RestorePlannerTest {

    private static final long MIB = 1024L * 1024;

    private final RestorePlanner planner = new RestorePlanner(RestoreEstimates.defaults());

    @Test
    void replaysFromTheNewestBaseToTheTipWhenLatestIsAskedWithAContinuousArchive() {
        Chains chains = twoFulls();
        TargetState state = archived(chains);

        RestorePlan plan = planner.plan(state, chains, null);

        assertThat(plan.targetId()).isEqualTo("orders");
        assertThat(plan.requestedPoint()).isNull();
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.exact()).isTrue();
        assertThat(plan.reachesAt()).isEqualTo(at(18));
        assertThat(plan.dataLoss()).isZero();
        assertThat(plan.steps()).extracting(PlanStep::backupId).containsExactly("f2");
        assertThat(plan.log()).isEqualTo(new LogReplay("f2-end", at(12), at(18)));
        // six hours of log at 0.05, one GiB at 100 MiB/s
        assertThat(plan.estimate()).isEqualTo(
                RtoEstimate.of(Duration.ZERO, Duration.ofMillis(10_240), Duration.ofMinutes(18)));
        assertThat(plan.reason()).isNull();
    }

    @Test
    void startsFromTheNewestBaseBeforeAPointBetweenTwoFulls() {
        Chains chains = twoFulls();
        TargetState state = archived(chains);

        RestorePlan plan = planner.plan(state, chains, at(9));

        assertThat(plan.exact()).isTrue();
        assertThat(plan.reachesAt()).isEqualTo(at(9));
        assertThat(plan.steps()).extracting(PlanStep::backupId).containsExactly("f1");
        assertThat(plan.log()).isEqualTo(new LogReplay("f1-end", at(0), at(9)));
        assertThat(plan.estimate().replay()).isEqualTo(Duration.ofMinutes(27));
    }

    @Test
    void reachesOnlyTheTipAndCountsTheLossWhenThePointLiesAfterTheArchive() {
        Chains chains = twoFulls();
        TargetState state = archived(chains);

        RestorePlan plan = planner.plan(state, chains, at(20));

        assertThat(plan.feasible()).isTrue();
        assertThat(plan.exact()).isFalse();
        assertThat(plan.requestedPoint()).isEqualTo(at(20));
        assertThat(plan.reachesAt()).isEqualTo(at(18));
        assertThat(plan.dataLoss()).isEqualTo(Duration.ofHours(2));
        assertThat(plan.log()).isEqualTo(new LogReplay("f2-end", at(12), at(18)));
        assertThat(plan.reason()).contains("archived log ends at 2024-03-01T18:00:00Z");
    }

    @Test
    void isInfeasibleBeforeTheEarliestBackupAndNamesTheEarliestPoint() {
        Chains chains = twoFulls();
        TargetState state = archived(chains);
        state.setPolicy(policy(Engine.POSTGRES, Duration.ofHours(1)));

        RestorePlan plan = planner.plan(state, chains, at(-3));

        assertThat(plan.feasible()).isFalse();
        assertThat(plan.exact()).isFalse();
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.reachesAt()).isNull();
        assertThat(plan.estimate()).isNull();
        assertThat(plan.withinRto()).isFalse();
        assertThat(plan.reason()).contains("earliest restorable point is 2024-03-01T00:00:00Z");
    }

    @Test
    void isInfeasibleWhenTheTargetHasNoBackupAtAll() {
        Chains chains = chains();
        TargetState state = state(Engine.POSTGRES, chains);

        RestorePlan plan = planner.plan(state, chains, null);

        assertThat(plan.feasible()).isFalse();
        assertThat(plan.reason()).isEqualTo("target orders has no restorable backup");
        assertThat(plan.withinRto()).isNull();
    }

    @Test
    void capsTheReplayAtTheLostLogWhenAGapLiesBetweenBaseAndPoint() {
        Chains chains = chains(PlanEntries.full("f1", Engine.POSTGRES, at(0)));
        TargetState state = archived(chains);
        state.addGap(gap(at(6), at(8)));

        RestorePlan plan = planner.plan(state, chains, at(7));

        assertThat(plan.exact()).isFalse();
        assertThat(plan.reachesAt()).isEqualTo(at(6));
        assertThat(plan.dataLoss()).isEqualTo(Duration.ofHours(1));
        assertThat(plan.log()).isEqualTo(new LogReplay("f1-end", at(0), at(6)));
        assertThat(plan.reason())
                .contains("log lost after 2024-03-01T06:00:00Z (gap reported at 2024-03-01T08:00:00Z)");
    }

    @Test
    void leavesABaseTakenAfterTheGapUnaffected() {
        Chains chains = chains(PlanEntries.full("f1", Engine.POSTGRES, at(0)),
                PlanEntries.full("f2", Engine.POSTGRES, at(10)));
        TargetState state = archived(chains);
        state.addGap(gap(at(6), at(8)).closedBy("f2", at(10)));

        RestorePlan plan = planner.plan(state, chains, at(15));

        assertThat(plan.exact()).isTrue();
        assertThat(plan.reachesAt()).isEqualTo(at(15));
        assertThat(plan.steps()).extracting(PlanStep::backupId).containsExactly("f2");
        assertThat(plan.log()).isEqualTo(new LogReplay("f2-end", at(10), at(15)));
    }

    @Test
    void restoresAWholeChainBaseFirstAndSumsItsBytes() {
        Chains chains = chains(PlanEntries.full("f1", Engine.FILESYSTEM, at(0)).bytes(6000 * MIB, 10 * MIB),
                PlanEntries.incremental("i1", "f1", Engine.FILESYSTEM, at(6)).bytes(3000 * MIB, null),
                PlanEntries.incremental("i2", "i1", Engine.FILESYSTEM, at(12)).bytes(null, 1000 * MIB));
        TargetState state = state(Engine.FILESYSTEM, chains);

        RestorePlan plan = planner.plan(state, chains, at(12));

        assertThat(plan.exact()).isTrue();
        assertThat(plan.log()).isNull();
        assertThat(plan.steps()).containsExactly(
                new PlanStep("f1", BackupType.FULL, at(0), "STANDARD", Duration.ZERO, 6000 * MIB),
                new PlanStep("i1", BackupType.INCREMENTAL, at(6), "STANDARD", Duration.ZERO, 3000 * MIB),
                new PlanStep("i2", BackupType.INCREMENTAL, at(12), "STANDARD", Duration.ZERO, 1000 * MIB));
        assertThat(plan.estimate().transfer()).isEqualTo(Duration.ofSeconds(100));
        assertThat(plan.estimate().total()).isEqualTo(Duration.ofSeconds(100));
    }

    @Test
    void waitsForTheColdestStepWithTheColderOfWrittenAndDueClass() {
        Chains chains = chains(PlanEntries.full("f1", Engine.FILESYSTEM, at(0)).due("GLACIER"),
                PlanEntries.incremental("i1", "f1", Engine.FILESYSTEM, at(6)).storageClass("DEEP_ARCHIVE")
                        .due("GLACIER"),
                PlanEntries.incremental("i2", "i1", Engine.FILESYSTEM, at(12)).storageClass("STANDARD_IA"));
        TargetState state = state(Engine.FILESYSTEM, chains);

        RestorePlan plan = planner.plan(state, chains, null);

        assertThat(plan.steps()).extracting(PlanStep::storageClass).containsExactly("GLACIER", "DEEP_ARCHIVE",
                "STANDARD_IA");
        assertThat(plan.steps()).extracting(PlanStep::retrievalDelay).containsExactly(Duration.ofHours(5),
                Duration.ofHours(12), Duration.ZERO);
        assertThat(plan.estimate().retrieval()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void countsTheGlacierDelayOfABackupItsTierHasMovedThere() {
        Chains chains = chains(PlanEntries.full("f1", Engine.POSTGRES, at(0)).storageClass("STANDARD_IA")
                .due("glacier"));
        TargetState state = state(Engine.POSTGRES, chains);

        RestorePlan plan = planner.plan(state, chains, at(0));

        assertThat(plan.steps()).extracting(PlanStep::storageClass).containsExactly("GLACIER");
        assertThat(plan.estimate().retrieval()).isEqualTo(Duration.ofHours(5));
        assertThat(plan.estimate().total()).isEqualTo(Duration.ofHours(5).plusMillis(10_240));
    }

    @Test
    void treatsAnUnknownStorageClassAsStandard() {
        Chains chains = chains(PlanEntries.full("f1", Engine.POSTGRES, at(0)).storageClass("REDUCED_REDUNDANCY")
                .due("STANDARD"));
        TargetState state = state(Engine.POSTGRES, chains);

        RestorePlan plan = planner.plan(state, chains, at(0));

        assertThat(plan.steps()).extracting(PlanStep::storageClass).containsExactly("REDUCED_REDUNDANCY");
        assertThat(plan.estimate().retrieval()).isZero();
    }

    @Test
    void usesTheMeasuredRestoreRateWhenTheTargetHasOne() {
        Chains chains = chains(PlanEntries.full("f1", Engine.POSTGRES, at(0)));
        TargetState state = state(Engine.POSTGRES, chains);
        state.setRestoreBytesPerSecond((double) (512 * MIB));

        RestorePlan plan = planner.plan(state, chains, at(0));

        assertThat(plan.estimate().transfer()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void fitsTheRtoWhenTheEstimateStaysUnderIt() {
        Chains chains = twoFulls();
        TargetState state = archived(chains);
        state.setPolicy(policy(Engine.POSTGRES, Duration.ofHours(1)));

        RestorePlan plan = planner.plan(state, chains, null);

        assertThat(plan.rto()).isEqualTo(Duration.ofHours(1));
        assertThat(plan.withinRto()).isTrue();
    }

    @Test
    void missesTheRtoWhenAColdRetrievalAloneTakesLonger() {
        Chains chains = chains(PlanEntries.full("f1", Engine.POSTGRES, at(0)).due("GLACIER"));
        TargetState state = archived(chains);
        state.setPolicy(policy(Engine.POSTGRES, Duration.ofHours(1)));

        RestorePlan plan = planner.plan(state, chains, at(1));

        assertThat(plan.exact()).isTrue();
        assertThat(plan.estimate().total()).isGreaterThan(Duration.ofHours(5));
        assertThat(plan.withinRto()).isFalse();
    }

    @Test
    void leavesRtoUnjudgedWithoutAPolicy() {
        Chains chains = twoFulls();
        TargetState state = archived(chains);

        RestorePlan plan = planner.plan(state, chains, null);

        assertThat(plan.rto()).isNull();
        assertThat(plan.withinRto()).isNull();
    }

    @Test
    void restoresRedisToTheSnapshotBeforeThePointAndReplaysNoLog() {
        Chains chains = chains(PlanEntries.snapshot("s1", at(0)), PlanEntries.snapshot("s2", at(6)));
        TargetState state = state(Engine.REDIS, chains);
        state.setArchive(tipAt(at(18)));

        RestorePlan plan = planner.plan(state, chains, at(9));

        assertThat(plan.feasible()).isTrue();
        assertThat(plan.exact()).isFalse();
        assertThat(plan.reachesAt()).isEqualTo(at(6));
        assertThat(plan.dataLoss()).isEqualTo(Duration.ofHours(3));
        assertThat(plan.steps()).extracting(PlanStep::backupId).containsExactly("s2");
        assertThat(plan.log()).isNull();
        assertThat(plan.estimate().replay()).isZero();
        assertThat(plan.reason()).contains("redis restores only backup instants");
    }

    @Test
    void restoresRedisExactlyAtASnapshotInstant() {
        Chains chains = chains(PlanEntries.snapshot("s1", at(0)), PlanEntries.snapshot("s2", at(6)));
        TargetState state = state(Engine.REDIS, chains);

        RestorePlan plan = planner.plan(state, chains, null);

        assertThat(plan.exact()).isTrue();
        assertThat(plan.reachesAt()).isEqualTo(at(6));
        assertThat(plan.reason()).isNull();
    }

    @Test
    void reachesOnlyTheBackupInstantWhenALogEngineHasNoArchive() {
        Chains chains = twoFulls();
        TargetState state = state(Engine.POSTGRES, chains);

        RestorePlan plan = planner.plan(state, chains, at(9));

        assertThat(plan.exact()).isFalse();
        assertThat(plan.reachesAt()).isEqualTo(at(0));
        assertThat(plan.dataLoss()).isEqualTo(Duration.ofHours(9));
        assertThat(plan.log()).isNull();
        assertThat(plan.reason()).contains("has no log archive");
    }

    private static Chains twoFulls() {
        return chains(PlanEntries.full("f1", Engine.POSTGRES, at(0)), PlanEntries.full("f2", Engine.POSTGRES, at(12)));
    }

    private static TargetState archived(Chains chains) {
        TargetState state = state(Engine.POSTGRES, chains);
        state.setArchive(tipAt(at(18)));
        return state;
    }
}
