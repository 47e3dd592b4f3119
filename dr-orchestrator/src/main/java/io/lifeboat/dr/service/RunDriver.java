package io.lifeboat.dr.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import io.lifeboat.dr.config.DrSettings;
import io.lifeboat.dr.config.TargetSettings;
import io.lifeboat.dr.domain.NextStep;
import io.lifeboat.dr.domain.RunMachine;
import io.lifeboat.dr.domain.RunRequest;
import io.lifeboat.dr.domain.RunState;
import io.lifeboat.dr.domain.StartDecision;
import io.lifeboat.dr.domain.StepReport;
import io.lifeboat.dr.domain.TargetRuns;
import io.lifeboat.dr.domain.Transition;
import io.lifeboat.events.LifeboatMessage;

/**
 * Moves each target's run through {@link RunMachine} and persists every transition in the run log before anything
 * else happens: a claim and a step's start before the step executes, its end before the next one.
 */
public final class RunDriver {

    private static final Logger LOG = Logger.getLogger(RunDriver.class);

    private final DrSettings settings;
    private final RunLog log;
    private final StepExecutor steps;
    private final Clock clock;
    private final RunMachine machine;
    private final RunFacts facts;
    private final Map<String, TargetRuns> runs;
    private final Map<String, String> primaries = new ConcurrentHashMap<>();
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();

    /**
     * Creates a driver over the runs read from the log.
     *
     * @param settings the orchestrator's settings
     * @param log the run log
     * @param steps the step executor
     * @param runs the latest runs per target, updated after every commit
     * @param clock the clock
     */
    public RunDriver(DrSettings settings, RunLog log, StepExecutor steps, Map<String, TargetRuns> runs,
            Clock clock) {
        this.settings = settings;
        this.log = log;
        this.steps = steps;
        this.runs = runs;
        this.clock = clock;
        this.machine = new RunMachine(settings.runSettings());
        this.facts = new RunFacts(machine);
        settings.targets().values().forEach(target -> primaries.put(target.id(),
                RunNotes.primaryAfter(history(target.id()), target.primary())));
    }

    /**
     * Returns the member this orchestrator takes as a target's primary.
     *
     * @param targetId the target
     * @return the member name
     */
    public String primary(String targetId) {
        return primaries.get(targetId);
    }

    /**
     * Returns a target's runs.
     *
     * @param targetId the target
     * @return the latest run and last failover, or none
     */
    public TargetRuns history(String targetId) {
        return runs.getOrDefault(targetId, TargetRuns.none());
    }

    /**
     * Returns a target's active run.
     *
     * @param targetId the target
     * @return the run, or null when none is active
     */
    public RunState active(String targetId) {
        RunState latest = history(targetId).latest();
        return latest != null && latest.active() ? latest : null;
    }

    /**
     * Takes over an active run left by an earlier instance, raising its epoch before anything executes.
     *
     * @param targetId the target
     */
    public void claim(String targetId) {
        RunState run = active(targetId);
        if (run == null) {
            return;
        }
        Transition claimed = machine.claim(run, settings.instanceId(), clock.instant());
        persist(run, claimed.state(), List.of());
        LOG.infof("claimed run '%s' of target '%s' at epoch %d; it resumes at its next step", run.runId(), targetId,
                claimed.state().epoch());
    }

    /**
     * Starts a run unless the machine refuses it.
     *
     * @param request the requested run
     * @return null when started (or already running), else the refusal
     */
    public String start(RunRequest request) {
        TargetRuns history = history(request.targetId());
        StartDecision decision = machine.start(request, history);
        if (!decision.started()) {
            return decision.refusal();
        }
        if (decision.state().equals(history.latest())) {
            return null;
        }
        RunState claimed = machine.claim(decision.state(), settings.instanceId(), request.at()).state();
        persist(null, claimed, List.of());
        LOG.infof("started run '%s' of target '%s' (%s), requested by '%s': %s", claimed.runId(),
                claimed.targetId(), claimed.mode(), claimed.requestedBy(), claimed.reason());
        return null;
    }

    /**
     * Records a person's decision on the step a run waits for: an approval, or a refusal that cancels the run.
     *
     * @param targetId the target
     * @param runId the run the person decided on
     * @param approved whether the person approved
     * @param by the person
     * @param reason why, for a refusal
     */
    public void decide(String targetId, String runId, boolean approved, String by, String reason) {
        RunState run = active(targetId);
        if (run == null || !run.runId().equals(runId)) {
            LOG.warnf("decision of '%s' on run '%s' of target '%s' ignored: the target's active run is %s", by,
                    runId, targetId, run == null ? "none" : "'" + run.runId() + "'");
            return;
        }
        Instant at = clock.instant();
        Transition transition = approved
                ? machine.approve(run, by, at)
                : machine.cancel(run, by, reason == null || reason.isBlank() ? "approval refused" : reason, at);
        if (!transition.applied()) {
            LOG.warnf("decision of '%s' on run '%s' rejected: %s", by, runId, transition.rejection());
            return;
        }
        persist(run, transition.state(), List.of());
    }

    /**
     * Executes the target's active run step by step until it finishes, waits for an approval, or a step fails
     * and is left for another attempt on the next tick.
     *
     * @param target the target
     */
    public void advance(TargetSettings target) {
        while (true) {
            RunState run = active(target.id());
            if (run == null) {
                return;
            }
            NextStep next = machine.nextStep(run);
            if (next.action() != NextStep.Action.EXECUTE) {
                return;
            }
            String stepId = next.step().id();
            String waitKey = run.runId() + "/" + stepId + "/" + next.epoch();
            RunState executing = run;
            if (!waiting.contains(waitKey)) {
                rehearsalPause(run, stepId);
                Transition started = machine.stepStarted(run, new StepReport(stepId, next.epoch(), clock.instant(),
                        next.reason()));
                if (!started.applied()) {
                    LOG.warnf("step '%s' of run '%s' not started: %s", stepId, run.runId(), started.rejection());
                    return;
                }
                persist(run, started.state(), List.of());
                executing = started.state();
            }
            String primary = RunNotes.value(executing, "check-quorum", RunNotes.PRIMARY)
                    .orElse(primaries.get(target.id()));
            StepOutcome outcome = steps.execute(target, executing, stepId, primary);
            if (outcome.result() == StepOutcome.Result.WAITING) {
                // Started once in this epoch, then asked again each tick without a record until it ends.
                if (waiting.add(waitKey)) {
                    LOG.infof("run '%s' of target '%s': step '%s' waits: %s", run.runId(), target.id(), stepId,
                            outcome.detail());
                }
                return;
            }
            waiting.remove(waitKey);
            StepReport report = new StepReport(stepId, next.epoch(), clock.instant(), outcome.detail());
            Transition finished = switch (outcome.result()) {
                case DONE -> machine.stepDone(executing, report);
                case SKIPPED -> machine.stepSkipped(executing, report);
                case FAILED -> machine.stepFailed(executing, report, outcome.retryable());
                case WAITING -> throw new IllegalStateException("a waiting step has no report");
            };
            if (!finished.applied()) {
                LOG.warnf("report of step '%s' of run '%s' rejected: %s", stepId, run.runId(), finished.rejection());
                return;
            }
            List<LifeboatMessage> caused = new ArrayList<>(outcome.facts());
            persist(executing, finished.state(), caused);
            LOG.infof("run '%s' of target '%s': step '%s' %s: %s", run.runId(), target.id(), stepId,
                    outcome.result(), outcome.detail());
            if (finished.state().done("promote-standby")) {
                RunNotes.value(finished.state(), "check-standby", RunNotes.STANDBY)
                        .ifPresent(standby -> primaries.put(target.id(), standby));
            }
            if (outcome.result() == StepOutcome.Result.FAILED) {
                return;
            }
        }
    }

    /**
     * Adds a line to the trail of a target's latest run and persists it.
     *
     * @param targetId the target
     * @param action what happened
     * @param detail the member and what was done
     */
    public void note(String targetId, String action, String detail) {
        RunState run = history(targetId).latest();
        if (run != null) {
            persist(run, machine.note(run, settings.instanceId(), action, detail, clock.instant()), List.of());
        }
    }

    private void persist(RunState before, RunState after, List<LifeboatMessage> stepFacts) {
        List<LifeboatMessage> all = new ArrayList<>(facts.of(before, after));
        // The step's own facts (FailoverCompleted, RunBackup) come after its FailoverStepCompleted.
        all.addAll(stepFacts);
        TargetRuns next = history(after.targetId()).with(after);
        log.commit(next, all);
        runs.put(after.targetId(), next);
    }

    private void rehearsalPause(RunState run, String stepId) {
        if (!stepId.equals(settings.pauseBeforeStep()) || settings.pause().isZero()) {
            return;
        }
        LOG.warnf("rehearsal: pausing %s before step '%s' of run '%s' (lifeboat.dr.debug.pause-before-step)",
                settings.pause(), stepId, run.runId());
        try {
            Thread.sleep(settings.pause().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
