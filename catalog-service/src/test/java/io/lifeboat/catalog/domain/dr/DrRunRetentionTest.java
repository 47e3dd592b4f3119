package io.lifeboat.catalog.domain.dr;

import static io.lifeboat.catalog.testing.DrFacts.drillAwaitingApproval;
import static io.lifeboat.catalog.testing.DrFacts.failoverCompletedRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class DrRunRetentionTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void dropsRunsThatEndedMoreThanThirtyDaysAgoButKeepsAnUnfinishedOneOfAnyAge() {
        DrRun old = stored(failoverCompletedRun("db", "failover-old", NOW.minus(Duration.ofDays(31))));
        DrRun recent = stored(failoverCompletedRun("db", "failover-new", NOW.minus(Duration.ofDays(29))));
        DrRun waiting = stored(drillAwaitingApproval("db", "drill-stuck", NOW.minus(Duration.ofDays(90))));

        List<DrRun> drop = DrRunRetention.toDrop(List.of(old, recent, waiting), NOW);

        assertThat(drop).extracting(DrRun::runId).containsExactly("failover-old");
    }

    @Test
    void keepsOnlyTheNewestEndedRunsOfATargetBeyondItsBound() {
        List<DrRun> runs = new ArrayList<>();
        for (int i = 0; i < DrRunRetention.KEEP_PER_TARGET + 2; i++) {
            runs.add(stored(failoverCompletedRun("busy", "failover-" + i, NOW.minus(Duration.ofMinutes(i + 1)))));
        }
        runs.add(stored(failoverCompletedRun("quiet", "failover-q", NOW.minus(Duration.ofDays(1)))));

        List<DrRun> drop = DrRunRetention.toDrop(runs, NOW);

        assertThat(drop).extracting(DrRun::runId).containsExactlyInAnyOrder(
                "failover-" + DrRunRetention.KEEP_PER_TARGET, "failover-" + (DrRunRetention.KEEP_PER_TARGET + 1));
    }

    private static DrRun stored(io.lifeboat.events.dr.DrRunUpdated update) {
        return DrRunFold.fold(null, update).orElseThrow();
    }
}
