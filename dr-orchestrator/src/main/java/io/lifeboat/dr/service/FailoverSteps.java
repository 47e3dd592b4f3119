package io.lifeboat.dr.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.lifeboat.dr.config.DrSettings;
import io.lifeboat.dr.config.TargetSettings;
import io.lifeboat.dr.domain.FailureQuorum;
import io.lifeboat.dr.domain.QuorumVerdict;
import io.lifeboat.dr.domain.RunState;
import io.lifeboat.dr.domain.StandbyChoice;
import io.lifeboat.dr.domain.StandbySelection;
import io.lifeboat.dr.postgres.DataLossEstimate;
import io.lifeboat.dr.postgres.FenceResult;
import io.lifeboat.dr.postgres.Fencer;
import io.lifeboat.dr.postgres.PgActionException;
import io.lifeboat.dr.postgres.PgEndpoint;
import io.lifeboat.dr.postgres.PgInspector;
import io.lifeboat.dr.postgres.PgMemberState;
import io.lifeboat.dr.postgres.Promoter;
import io.lifeboat.dr.postgres.WriteCheck;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.dr.FailoverCompleted;
import io.lifeboat.events.health.ProbeObservation;

/**
 * Executes the steps of {@code postgres-primary-failure} against a target's members. Every step is idempotent,
 * because a step RUNNING at a crash is executed again; the facts a step needs later (the primary acted on, the
 * standby chosen, the member fenced) go into its note, so that a resumed run reads them back.
 */
public final class FailoverSteps implements StepExecutor {

    private static final String ACTOR = "dr-orchestrator";

    private final DrSettings settings;
    private final Inbox inbox;
    private final MemberSightings sightings;
    private final ReturnWatch watch;
    private final Clock clock;
    private final PgInspector inspector = new PgInspector();

    /**
     * Creates the steps.
     *
     * @param settings timeouts, monitor count and maximum lag
     * @param inbox the monitors' latest reports and the policies
     * @param sightings the members' last states, for the data-loss estimate
     * @param watch members to fence when they return
     * @param clock the clock
     */
    public FailoverSteps(DrSettings settings, Inbox inbox, MemberSightings sightings, ReturnWatch watch,
            Clock clock) {
        this.settings = settings;
        this.inbox = inbox;
        this.sightings = sightings;
        this.watch = watch;
        this.clock = clock;
    }

    /**
     * Executes one step of a run.
     *
     * @param target the target's members
     * @param run the run, with the step RUNNING
     * @param stepId the step to execute
     * @param primary the member the run fails over from
     * @return how the step ended
     */
    @Override
    public StepOutcome execute(TargetSettings target, RunState run, String stepId, String primary) {
        try {
            return switch (stepId) {
                case "check-quorum" -> checkQuorum(target, primary);
                case "check-standby" -> checkStandby(target, primary);
                case "fence-primary" -> fence(target, primary);
                case "promote-standby" -> promote(target, standby(run));
                case "verify-writable" -> StepOutcome
                        .done(new WriteCheck().verify(target.member(standby(run)), settings.stepTimeout()).summary());
                case "announce" -> announce(target, run, primary);
                case "follow-new-timeline" -> StepOutcome.skipped("pg-agent must be re-pointed at the new primary '"
                        + standby(run) + "' (its connection settings); it follows timeline switches itself");
                case "request-full-backup" -> requestBackup(run);
                default -> StepOutcome.failed("run '" + run.runId() + "': step '" + stepId
                        + "' is unknown to this orchestrator", false);
            };
        } catch (PgActionException e) {
            return StepOutcome.failed(e.getMessage(), true);
        } catch (IllegalStateException | IllegalArgumentException e) {
            return StepOutcome.failed(e.getMessage(), false);
        }
    }

    /**
     * Decides whether the target's primary is down now.
     *
     * @param targetId the target
     * @return the monitors' verdict
     */
    public QuorumVerdict verdict(String targetId) {
        return new FailureQuorum(settings.expectedMonitors()).decide(inbox.latest(targetId), clock.instant());
    }

    private StepOutcome checkQuorum(TargetSettings target, String primary) {
        QuorumVerdict verdict = verdict(target.id());
        if (!verdict.down()) {
            return StepOutcome.failed("quorum lost: " + verdict.reason(), false);
        }
        return StepOutcome.done(RunNotes.fact(RunNotes.PRIMARY, primary) + "; " + verdict.reason());
    }

    private StepOutcome checkStandby(TargetSettings target, String primary) {
        List<PgEndpoint> others = target.othersThan(primary);
        List<ProbeObservation> observations = others.stream().map(member -> {
            PgMemberState state = inspector.inspect(member, settings.stepTimeout());
            sightings.record(target.id(), state);
            String role = Boolean.TRUE.equals(state.inRecovery()) ? "standby" : "primary";
            return new ProbeObservation("inspect", member.name(), state.reachable(), null,
                    state.reachable() ? role : "unknown", state.replayLag(), state.error());
        }).toList();
        StandbyChoice choice = new StandbySelection(settings.maximumLagOnFailover()).choose(observations);
        if (choice.chosen().isEmpty()) {
            // Lag may shrink and a member may answer again: retry until the attempts run out, never promote stale.
            return StepOutcome.failed(choice.reason(), true);
        }
        return StepOutcome.done(RunNotes.fact(RunNotes.STANDBY, choice.instance()) + "; " + choice.reason());
    }

    private StepOutcome fence(TargetSettings target, String primary) {
        Fencer fencer = target.fenceCommand() == null ? new Fencer() : new Fencer(target.fenceCommand());
        FenceResult result = fencer.fence(target.member(primary), settings.stepTimeout());
        String fenced = RunNotes.fact(RunNotes.FENCED, primary);
        if (result.provablyFenced()) {
            return StepOutcome.done(fenced + " provably (" + result.proof() + "); " + result.summary());
        }
        // The quorum says it is down; not provable is not a reason to stay down, but it must be fenced on return.
        watch.watch(target.id(), primary);
        return StepOutcome.done(fenced + " not provably; " + RunNotes.WATCH_ON_RETURN + ": it is fenced when it "
                + "answers again; " + result.summary());
    }

    private StepOutcome promote(TargetSettings target, String standby) {
        return StepOutcome.done(new Promoter().promote(target.member(standby), settings.stepTimeout()).summary());
    }

    private StepOutcome announce(TargetSettings target, RunState run, String primary) {
        String standby = standby(run);
        Instant now = clock.instant();
        Duration recovery = Duration.between(run.startedAt(), now);
        Optional<Instant> firstUnhealthy = inbox.unhealthySince(target.id());
        Duration rto = target.rto().or(() -> inbox.policy(target.id()).map(p -> p.rto())).orElse(Duration.ofHours(1));
        Optional<PgMemberState> oldSeen = sightings.last(target.id(), primary);
        Optional<PgMemberState> standbySeen = sightings.last(target.id(), standby);
        DataLossEstimate estimate = oldSeen.isPresent() && standbySeen.isPresent()
                ? DataLossEstimate.between(oldSeen.get(), standbySeen.get())
                : null;
        Long lostBytes = estimate == null ? null : estimate.bytesNotReceived();
        Duration lostTime = estimate != null && estimate.replayLag() != null
                ? estimate.replayLag()
                : reportedLag(target.id(), standby);
        String fenced = RunNotes.value(run, "fence-primary", RunNotes.FENCED).orElse(primary);
        FailoverCompleted completed = new FailoverCompleted(run.runId(), run.runbookId(), target.id(), null, fenced,
                standby, recovery, rto, run.startedAt(), now, lostBytes, lostTime);
        String note = RunNotes.fact(RunNotes.PRIMARY, standby) + "; fenced '" + fenced + "'; recovery " + recovery
                + " from the run's start" + firstUnhealthy.map(at -> ", " + Duration.between(at, now)
                        + " from the first UNHEALTHY report").orElse("")
                + " (RTO " + rto + "); " + (estimate == null
                        ? "data loss unknown: no sighting of both members"
                        : estimate.summary());
        return StepOutcome.done(note, completed);
    }

    private Duration reportedLag(String targetId, String standby) {
        return inbox.latest(targetId).stream().flatMap(report -> report.observations().stream())
                .filter(o -> standby.equals(o.instance()) && o.replicationLag() != null)
                .map(ProbeObservation::replicationLag).max(Duration::compareTo).orElse(null);
    }

    private StepOutcome requestBackup(RunState run) {
        // The command id derives from the run id, so a repeated step asks for the same backup.
        RunBackup backup = new RunBackup(run.runId() + "-full-backup", run.targetId(), Engine.POSTGRES,
                BackupType.FULL, ACTOR, clock.instant(), null, 1);
        return StepOutcome.done("requested full backup '" + backup.commandId() + "' of the new timeline", backup);
    }

    private static String standby(RunState run) {
        return RunNotes.value(run, "check-standby", RunNotes.STANDBY).orElseThrow(() -> new IllegalStateException(
                "run '" + run.runId() + "': check-standby recorded no standby"));
    }
}
