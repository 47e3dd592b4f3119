package io.lifeboat.dr.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.lifeboat.dr.domain.RunMode;
import io.lifeboat.dr.domain.RunState;
import io.lifeboat.dr.domain.TargetRuns;
import io.lifeboat.events.dr.DrRunUpdated;

class RunRecordsTest {

    @Test
    void readsBackTheSameRunAndLastFailoverFromItsRecord() {
        RunState run = Runs.done(Runs.done(Runs.done(Runs.claimed(RunMode.MANUAL), "check-quorum", "primary=pg-a"),
                "check-standby", "standby=pg-b"), "fence-primary", "fenced=pg-a provably");
        RunState approved = Runs.MACHINE.approve(Runs.claimed(RunMode.MANUAL), "ops:jane", Runs.T0).state();
        TargetRuns history = TargetRuns.none().with(run);

        DrRunUpdated record = RunRecords.toRecord(history);

        assertThat(RunRecords.fromRecord(record)).isEqualTo(history);
        assertThat(record.lastFailoverAt()).isEqualTo(run.step("fence-primary").orElseThrow().finishedAt());
        assertThat(RunRecords.fromRecord(RunRecords.toRecord(TargetRuns.none().with(approved))).latest()
                .approvals()).isEqualTo(approved.approvals());
    }
}
