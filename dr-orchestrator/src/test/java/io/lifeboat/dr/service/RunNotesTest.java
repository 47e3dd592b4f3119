package io.lifeboat.dr.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.lifeboat.dr.domain.RunMode;
import io.lifeboat.dr.domain.RunState;
import io.lifeboat.dr.domain.TargetRuns;

class RunNotesTest {

    @Test
    void takesThePromotedStandbyAsPrimaryOncePromoteIsDone() {
        RunState promoted = Runs.done(upToFence("fenced=pg-a provably"), "promote-standby", "promoted");

        assertThat(RunNotes.primaryAfter(TargetRuns.none().with(promoted), "pg-a")).isEqualTo("pg-b");
    }

    @Test
    void keepsThePrimaryTheRunActedOnWhileThePromotionIsNotDone() {
        RunState fenced = upToFence("fenced=pg-c provably");

        assertThat(RunNotes.primaryAfter(TargetRuns.none().with(fenced), "pg-a")).isEqualTo("pg-c");
        assertThat(RunNotes.primaryAfter(TargetRuns.none(), "pg-a")).isEqualTo("pg-a");
    }

    @Test
    void watchesAMemberFencedWithoutProofUntilItsReturnIsInTheTrail() {
        RunState unproven = upToFence("fenced=pg-c not provably; watch=on-return: it is fenced when it answers");
        RunState back = Runs.MACHINE.note(unproven, "dr-a", RunNotes.FENCED_ON_RETURN, "pg-c fenced", Runs.T0);

        assertThat(RunNotes.watchedOnReturn(unproven)).contains("pg-c");
        assertThat(RunNotes.watchedOnReturn(back)).isEmpty();
        assertThat(RunNotes.watchedOnReturn(upToFence("fenced=pg-c provably (READ_ONLY_CONFIRMED)"))).isEmpty();
    }

    private static RunState upToFence(String fenceNote) {
        RunState run = Runs.done(Runs.claimed(RunMode.AUTOMATIC), "check-quorum", "primary=pg-c; 2 of 3 monitors");
        run = Runs.done(run, "check-standby", "standby=pg-b; promote 'pg-b'");
        return Runs.done(run, "fence-primary", fenceNote);
    }
}
