package io.lifeboat.catalog.domain.plan;

import static io.lifeboat.catalog.domain.plan.PlanFixtures.at;
import static io.lifeboat.catalog.domain.plan.PlanFixtures.chains;
import static io.lifeboat.catalog.domain.plan.PlanFixtures.gap;
import static io.lifeboat.catalog.domain.plan.PlanFixtures.state;
import static io.lifeboat.catalog.domain.plan.PlanFixtures.tipAt;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.lifeboat.catalog.domain.Chains;
import io.lifeboat.catalog.domain.LogGap;
import io.lifeboat.catalog.domain.PlanEntries;
import io.lifeboat.catalog.domain.RpoMeter;
import io.lifeboat.catalog.domain.TargetState;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupPhase;

class RestorableWindowsTest {

    @Test
    void mergesEveryBaseIntoOneContinuousRangeUpToTheArchiveTip() {
        Chains chains = chains(PlanEntries.full("f1", Engine.POSTGRES, at(0)),
                PlanEntries.full("f2", Engine.POSTGRES, at(12)));
        TargetState state = state(Engine.POSTGRES, chains);
        state.setArchive(tipAt(at(18)));

        RestorableWindow window = RestorableWindows.of(state, chains);

        assertThat(window.ranges()).containsExactly(new RestorableRange(at(0), at(18), true));
        assertThat(window.earliest()).isEqualTo(at(0));
        assertThat(window.latest()).isEqualTo(at(18)).isEqualTo(RpoMeter.newestRestorablePoint(state));
        assertThat(window.continuous()).isTrue();
        assertThat(window.gaps()).isEmpty();
        assertThat(window.brokenChains()).isEmpty();
    }

    @Test
    void splitsTheWindowAtAClosedGapWhileTheBaseAfterItReachesTheTip() {
        Chains chains = chains(PlanEntries.full("f1", Engine.POSTGRES, at(0)),
                PlanEntries.full("f2", Engine.POSTGRES, at(10)));
        TargetState state = state(Engine.POSTGRES, chains);
        state.setArchive(tipAt(at(18)));
        LogGap lost = gap(at(6), at(8)).closedBy("f2", at(10));
        state.addGap(lost);

        RestorableWindow window = RestorableWindows.of(state, chains);

        assertThat(window.ranges()).containsExactly(new RestorableRange(at(0), at(6), true),
                new RestorableRange(at(10), at(18), true));
        assertThat(window.continuous()).isFalse();
        assertThat(window.gaps()).containsExactly(lost);
        assertThat(window.latest()).isEqualTo(at(18)).isEqualTo(RpoMeter.newestRestorablePoint(state));
    }

    @Test
    void capsTheLatestPointAtAnOpenGapLikeTheRpoMeter() {
        Chains chains = chains(PlanEntries.full("f1", Engine.POSTGRES, at(0)),
                PlanEntries.full("f2", Engine.POSTGRES, at(2)));
        TargetState state = state(Engine.POSTGRES, chains);
        state.setArchive(tipAt(at(18)));
        state.addGap(gap(at(6), at(8)));

        RestorableWindow window = RestorableWindows.of(state, chains);

        assertThat(window.ranges()).containsExactly(new RestorableRange(at(0), at(6), true));
        assertThat(window.latest()).isEqualTo(at(6)).isEqualTo(RpoMeter.newestRestorablePoint(state));
    }

    @Test
    void keepsABaseConsistentAfterTheLostLogAsAPointWhenTheGapWasReportedLater() {
        Chains chains = chains(PlanEntries.full("f1", Engine.POSTGRES, at(0)),
                PlanEntries.full("f2", Engine.POSTGRES, at(7)));
        TargetState state = state(Engine.POSTGRES, chains);
        state.setArchive(tipAt(at(18)));
        state.addGap(gap(at(6), at(8)));

        RestorableWindow window = RestorableWindows.of(state, chains);

        assertThat(window.ranges()).containsExactly(new RestorableRange(at(0), at(6), true),
                RestorableRange.point(at(7)));
        assertThat(window.latest()).isEqualTo(at(7)).isEqualTo(RpoMeter.newestRestorablePoint(state));
    }

    @Test
    void listsOnePointPerSnapshotForRedis() {
        Chains chains = chains(PlanEntries.snapshot("s2", at(6)), PlanEntries.snapshot("s1", at(0)),
                PlanEntries.snapshot("s3", at(12)));
        TargetState state = state(Engine.REDIS, chains);
        state.setArchive(tipAt(at(18)));

        RestorableWindow window = RestorableWindows.of(state, chains);

        assertThat(window.ranges()).containsExactly(RestorableRange.point(at(0)), RestorableRange.point(at(6)),
                RestorableRange.point(at(12)));
        assertThat(window.continuous()).isFalse();
        assertThat(window.earliest()).isEqualTo(at(0));
        assertThat(window.latest()).isEqualTo(at(12)).isEqualTo(RpoMeter.newestRestorablePoint(state));
    }

    @Test
    void listsOnePointPerBackupForAFileSystem() {
        Chains chains = chains(PlanEntries.full("f1", Engine.FILESYSTEM, at(0)),
                PlanEntries.incremental("i1", "f1", Engine.FILESYSTEM, at(4)));
        TargetState state = state(Engine.FILESYSTEM, chains);

        RestorableWindow window = RestorableWindows.of(state, chains);

        assertThat(window.ranges()).containsExactly(RestorableRange.point(at(0)), RestorableRange.point(at(4)));
        assertThat(window.latest()).isEqualTo(RpoMeter.newestRestorablePoint(state));
    }

    @Test
    void listsOnlyBackupPointsForALogEngineWithoutArchive() {
        Chains chains = chains(PlanEntries.full("f1", Engine.MONGODB, at(0)),
                PlanEntries.full("f2", Engine.MONGODB, at(12)));
        TargetState state = state(Engine.MONGODB, chains);

        RestorableWindow window = RestorableWindows.of(state, chains);

        assertThat(window.ranges()).containsExactly(RestorableRange.point(at(0)), RestorableRange.point(at(12)));
        assertThat(window.latest()).isEqualTo(at(12)).isEqualTo(RpoMeter.newestRestorablePoint(state));
    }

    @Test
    void listsBrokenChainsAndLeavesTheirBackupsOutOfTheRanges() {
        Chains chains = chains(PlanEntries.full("f1", Engine.POSTGRES, at(0)).phase(BackupPhase.EXPIRED),
                PlanEntries.incremental("i1", "f1", Engine.POSTGRES, at(4)),
                PlanEntries.incremental("i0", "missing", Engine.POSTGRES, at(3)),
                PlanEntries.full("f2", Engine.POSTGRES, at(12)));
        TargetState state = state(Engine.POSTGRES, chains);

        RestorableWindow window = RestorableWindows.of(state, chains);

        assertThat(window.brokenChains()).containsExactly("i0", "i1");
        assertThat(window.ranges()).containsExactly(RestorableRange.point(at(12)));
        assertThat(window.earliest()).isEqualTo(at(12));
    }

    @Test
    void hasNoBoundsWhenNothingIsRestorable() {
        Chains chains = chains(PlanEntries.full("f1", Engine.POSTGRES, at(0)).phase(BackupPhase.FAILED));
        TargetState state = state(Engine.POSTGRES, chains);
        state.setArchive(tipAt(at(18)));

        RestorableWindow window = RestorableWindows.of(state, chains);

        assertThat(window.restorable()).isFalse();
        assertThat(window.earliest()).isNull();
        assertThat(window.latest()).isNull();
        assertThat(RpoMeter.newestRestorablePoint(state)).isNull();
        assertThat(window.continuous()).isFalse();
    }
}
