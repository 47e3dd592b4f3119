package io.lifeboat.cli.ops;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lifeboat.cli.ops.domain.RunProgress;
import io.lifeboat.events.dr.DrCommandRefused;
import io.lifeboat.events.dr.DrRunStep;
import io.lifeboat.events.dr.DrRunUpdated;

/**
 * What {@code --wait} of the DR verbs shows: a progress bar over the run's steps on standard error, then how it
 * ended (or why the orchestrator refused the command), or with {@code --json} one object with the run, its steps
 * and its fact.
 */
final class RunWait {

    /** The state {@code --json} reports for a command the orchestrator refused: it started no run. */
    static final String REFUSED = "REFUSED";

    private final Verb verb;
    private final String targetId;

    RunWait(Verb verb, String targetId) {
        this.verb = verb;
        this.targetId = targetId;
    }

    /**
     * Follows {@code runId} with {@code follower} for at most {@code limit}, or until command {@code commandId} is
     * refused; returns the verb's exit code.
     */
    int await(RunFollower follower, String runId, String commandId, Duration limit) {
        ProgressLine progress = new ProgressLine(verb.err(), System.console() != null);
        RunFollower.Followed followed;
        try {
            followed = follower.follow(runId, commandId, limit, (latest, elapsed) -> progress.show(latest == null
                    ? "waiting for the orchestrator to start run " + runId + " (" + elapsed + " s)"
                    : RunProgress.line(latest, elapsed)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsFailure("interrupted while following run '" + runId + "'", e);
        } catch (OpsFailure e) {
            progress.done("");
            throw e;
        }
        if (followed.refused() != null) {
            return refused(runId, followed.refused(), progress);
        }
        DrRunUpdated run = followed.run();
        progress.done("run " + runId + ": " + run.status());
        if (verb.root().json()) {
            verb.printJson(json(followed));
        }
        switch (run.status()) {
            case "COMPLETED" -> verb.note("run " + runId + " of '" + targetId + "' completed"
                    + (run.outcome() == null ? "" : ": " + run.outcome()));
            case RunProgress.AWAITING_APPROVAL -> {
                String step = RunProgress.current(run).map(DrRunStep::id).orElse("?");
                verb.note("run " + runId + " waits for an approval of step '" + step + "'; to continue: lifeboat "
                        + "failover " + targetId + " --approve " + runId + " --step " + step + " (or --reject "
                        + "--reason TEXT to cancel it)");
            }
            default -> {
                verb.note(verb.spec.qualifiedName() + ": run " + runId + " of '" + targetId + "' is " + run.status()
                        + ": " + RunProgress.failure(run));
                return 1;
            }
        }
        return 0;
    }

    private int refused(String runId, DrCommandRefused refused, ProgressLine progress) {
        progress.done("run " + runId + ": " + REFUSED);
        if (verb.root().json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("runId", runId);
            result.put("targetId", refused.targetId());
            result.put("commandId", refused.commandId());
            result.put("command", refused.command());
            result.put("state", REFUSED);
            result.put("reason", refused.reason());
            result.put("refusedAt", refused.refusedAt());
            verb.printJson(result);
        }
        verb.note(verb.spec.qualifiedName() + ": " + refused.command() + " " + refused.commandId() + " of '"
                + targetId + "' refused: " + refused.reason());
        return 1;
    }

    private static Map<String, Object> json(RunFollower.Followed followed) {
        DrRunUpdated run = followed.run();
        List<Map<String, Object>> steps = run.steps().stream().map(s -> {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("name", s.id());
            step.put("state", s.status());
            step.put("note", s.note());
            return step;
        }).toList();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("runId", run.runId());
        result.put("targetId", run.targetId());
        result.put("kind", run.kind());
        result.put("state", run.status());
        result.put("steps", steps);
        result.put("outcomeType", followed.outcome() == null
                ? null
                : followed.outcome().payload().getClass().getSimpleName());
        result.put("outcome", followed.outcome() == null ? null : followed.outcome().payload());
        return result;
    }
}
