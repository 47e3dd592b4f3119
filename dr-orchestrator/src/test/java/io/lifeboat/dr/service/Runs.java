package io.lifeboat.dr.service;

import java.time.Instant;

import io.lifeboat.dr.domain.RunMachine;
import io.lifeboat.dr.domain.RunMode;
import io.lifeboat.dr.domain.RunRequest;
import io.lifeboat.dr.domain.RunSettings;
import io.lifeboat.dr.domain.RunState;
import io.lifeboat.dr.domain.Runbooks;
import io.lifeboat.dr.domain.StepReport;
import io.lifeboat.dr.domain.TargetRuns;
import io.lifeboat.dr.domain.Transition;

/**
 * Failover runs at chosen points, built through the machine as the executor builds them.
 */
final class Runs {

    static final Instant T0 = Instant.parse("2027-03-01T10:00:00Z");
    static final RunMachine MACHINE = new RunMachine(RunSettings.defaults());

    private Runs() {
    }

    static RunState claimed(RunMode mode) {
        RunState started = MACHINE.start(new RunRequest("run-1", "orders-db", Runbooks.postgresPrimaryFailure(),
                mode, false, "health-quorum", "2 of 3 monitors report UNHEALTHY", T0), TargetRuns.none()).state();
        return MACHINE.claim(started, "dr-a", T0).state();
    }

    static RunState started(RunState run, String stepId) {
        return MACHINE.stepStarted(run, report(run, stepId, "starting")).state();
    }

    static RunState done(RunState run, String stepId, String note) {
        Transition done = MACHINE.stepDone(started(run, stepId), report(run, stepId, note));
        return done.state();
    }

    static StepReport report(RunState run, String stepId, String note) {
        return new StepReport(stepId, run.epoch(), run.updatedAt().plusSeconds(1), note);
    }
}
