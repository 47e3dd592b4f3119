package io.lifeboat.dr.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lifeboat.dr.config.DrSettings;
import io.lifeboat.dr.config.TargetSettings;
import io.lifeboat.dr.domain.RecoveryPoint;
import io.lifeboat.dr.domain.RunState;
import io.lifeboat.dr.domain.StepState;
import io.lifeboat.dr.postgres.PgEndpoint;
import io.lifeboat.events.Engine;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.backup.RestoreBackup;
import io.lifeboat.events.backup.RestoreCompleted;
import io.lifeboat.events.backup.RestoreFailed;

/**
 * What restores and drills share: the recovery point written into and read back from a step's note, the
 * {@code RestoreBackup} asked of the target's agent (one command id per run, so a repeated step asks for the same
 * restore), the wait for its outcome, and the restored instance's address.
 */
final class AgentRestores {

    static final String BACKUP = "backup";
    static final String REPLAY_TO = "replay-to";
    static final String INCLUSIVE = "inclusive";
    static final String DESTINATION = "destination";
    static final String RESTORED_TO = "restored-to";
    static final String RESTORE_TIME = "restore-time";
    static final String RESTORE = "restore";
    private static final String AGENTS_CHOICE = "agents-choice";
    private static final Pattern PORT = Pattern.compile("[?&]port=(\\d+)");
    private static final Pattern DATABASE = Pattern.compile("^jdbc:postgresql://[^/]+/([^?]+)");

    private final DrSettings settings;
    private final Inbox inbox;
    private final Clock clock;

    AgentRestores(DrSettings settings, Inbox inbox, Clock clock) {
        this.settings = settings;
        this.inbox = inbox;
        this.clock = clock;
    }

    /** The note of a chosen recovery point, as {@link #command} reads it back. */
    static String note(RecoveryPoint point) {
        return RunNotes.fact(BACKUP, point.backupId() == null ? AGENTS_CHOICE : point.backupId()) + "; "
                + RunNotes.fact(REPLAY_TO, point.replayTo() == null ? "none" : point.replayTo().toString()) + "; "
                + RunNotes.fact(INCLUSIVE, String.valueOf(point.inclusive())) + "; " + point.reason();
    }

    /** Id of the run's RestoreBackup. */
    static String commandId(RunState run) {
        return run.runId() + "-restore";
    }

    /** The RestoreBackup of the recovery point noted by {@code chooseStep}, into {@code destination}. */
    RestoreBackup command(RunState run, String chooseStep, String destination) {
        String backup = RunNotes.value(run, chooseStep, BACKUP).filter(id -> !id.equals(AGENTS_CHOICE)).orElse(null);
        Instant replayTo = RunNotes.value(run, chooseStep, REPLAY_TO).filter(at -> !at.equals("none"))
                .map(Instant::parse).orElse(null);
        boolean inclusive = RunNotes.value(run, chooseStep, INCLUSIVE).map(Boolean::parseBoolean).orElse(true);
        return new RestoreBackup(commandId(run), run.targetId(), Engine.POSTGRES, backup, replayTo, null, null, null,
                null, replayTo == null || inclusive ? null : Boolean.FALSE, destination, false, run.requestedBy(),
                clock.instant().plus(settings.restoreTimeout()), 1);
    }

    /** The publishing step's outcome: the command as its fact, the destination in its note. */
    static StepOutcome published(RestoreBackup command) {
        return StepOutcome.done("asked the " + command.engine().id() + " agent for restore '" + command.commandId()
                + "'; " + RunNotes.fact(DESTINATION, command.destination()), command);
    }

    /**
     * Looks for the agent's outcome of the run's restore.
     *
     * @param run the run
     * @param publishStep the step that published the command, whose end starts the wait
     * @return the RestoreCompleted or RestoreFailed; empty while waiting
     * @throws RestoreTimedOut when the wait is longer than the restore timeout
     */
    Optional<LifeboatMessage> outcome(RunState run, String publishStep) {
        Optional<LifeboatMessage> outcome = inbox.restoreOutcome(commandId(run));
        if (outcome.isPresent()) {
            return outcome;
        }
        Instant asked = run.step(publishStep).map(StepState::finishedAt).orElse(run.startedAt());
        Duration waited = Duration.between(asked, clock.instant());
        if (waited.compareTo(settings.restoreTimeout()) > 0) {
            throw new RestoreTimedOut("no outcome of restore '" + commandId(run) + "' from the agent " + waited
                    + " after asking (lifeboat.dr.restore-timeout " + settings.restoreTimeout() + "); is the "
                    + "target's agent running?");
        }
        return Optional.empty();
    }

    /** The note of a completed restore, as the later steps read it back. */
    static String completedNote(RestoreCompleted completed) {
        Duration took = Duration.between(completed.startedAt(), completed.completedAt());
        return RunNotes.fact(RESTORE, "completed") + "; " + RunNotes.fact(BACKUP, completed.backupId()) + "; "
                + RunNotes.fact(RESTORED_TO, completed.restoredTo().toString()) + "; "
                + RunNotes.fact(RESTORE_TIME, took.toString()) + "; " + completed.restoredBytes() + " bytes into "
                + completed.destination() + (completed.restoredToPosition() == null
                        ? ""
                        : ", replay stopped at " + completed.restoredToPosition());
    }

    /** The reason of a failed restore. */
    static String failedReason(RestoreFailed failed) {
        return "the agent failed restore '" + failed.commandId() + "' at step '" + failed.failedStep() + "': "
                + failed.reason();
    }

    /** The restored instance at the destination's port on the agent's host, with the primary's credentials. */
    static PgEndpoint instance(TargetSettings target, String destination, String primary) {
        Matcher port = PORT.matcher(destination);
        if (!port.find()) {
            throw new IllegalArgumentException("destination '" + destination + "' names no port=<port>: the "
                    + "orchestrator cannot reach the restored instance to check it");
        }
        PgEndpoint credentials = target.member(primary);
        Matcher database = DATABASE.matcher(credentials.jdbcUrl());
        String url = "jdbc:postgresql://" + target.restores().host() + ":" + port.group(1) + "/"
                + (database.find() ? database.group(1) : "postgres");
        return new PgEndpoint("restored-" + target.id(), url, credentials.user(), credentials.password());
    }

    /** No outcome of the agent within the restore timeout. */
    static final class RestoreTimedOut extends RuntimeException {

        private static final long serialVersionUID = 1L;

        RestoreTimedOut(String message) {
            super(message);
        }
    }
}
