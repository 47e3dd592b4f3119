package io.lifeboat.cli.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.lifeboat.cli.ops.domain.Human;
import io.lifeboat.cli.ops.domain.RunProgress;
import io.lifeboat.events.Topics;
import io.lifeboat.events.admin.KafkaClientSettings;
import io.lifeboat.events.dr.DrCommandRefused;
import io.lifeboat.events.dr.DrRunStep;
import io.lifeboat.events.dr.DrRunUpdated;
import io.lifeboat.events.envelope.Envelope;

/**
 * Follows one DR run on {@code lifeboat.dr.runs} (DrRunUpdated, keyed by target id, one run among the target's
 * runs) until it ends or waits for an approval, and picks up its fact on {@code lifeboat.dr.events} (DrillCompleted,
 * FailoverCompleted, FailoverFailed), or the orchestrator's DrCommandRefused of the command, which ends following at
 * once. Open it before publishing the command that starts or moves the run: it reads from the end offsets taken
 * when it opens.
 */
public final class RunFollower implements AutoCloseable {

    /** How long a run that ended is given for its fact on lifeboat.dr.events, which may follow the last update. */
    static final Duration OUTCOME_GRACE = Duration.ofSeconds(5);

    private static final Duration POLL = Duration.ofMillis(500);
    private static final List<String> FACT_KINDS = List.of("DRILL", "FAILOVER");

    /** Told of each poll: the newest state of the run (null until the first) and the seconds since following began. */
    @FunctionalInterface
    public interface Listener {

        /** Called after every poll. */
        void seen(DrRunUpdated latest, long elapsedSeconds);
    }

    /**
     * Where the run stands when following ends.
     *
     * @param run the run's newest state; null when the command was refused before the run was seen
     * @param outcome its fact on lifeboat.dr.events, or null when none arrived
     * @param refused the orchestrator's refusal of the command, or null when it was not refused
     */
    public record Followed(DrRunUpdated run, Envelope<?> outcome, DrCommandRefused refused) {
    }

    private final EventFeed feed;

    /** A follower reading lifeboat.dr.runs and lifeboat.dr.events from their current end, on {@code kafka}. */
    public RunFollower(KafkaClientSettings kafka) {
        this.feed = new EventFeed(kafka, List.of(Topics.DR_RUNS.name(), Topics.DR_EVENTS.name()),
                EventFeed.AT_END);
    }

    /**
     * Follows a run until it is COMPLETED, FAILED, CANCELLED or AWAITING_APPROVAL, or its command is refused.
     *
     * @param runId the run, e.g. {@code drill-<command id>}
     * @param commandId the published command that starts or moves the run
     * @param limit how long to follow before giving up
     * @param listener told of every poll, to show progress
     * @return the run's state and its fact
     * @throws OpsFailure naming the run and its last state when it has not settled within {@code limit}
     * @throws InterruptedException when interrupted while waiting
     */
    public Followed follow(String runId, String commandId, Duration limit, Listener listener)
            throws InterruptedException {
        Instant start = Instant.now();
        Instant graceEnd = null;
        DrRunUpdated latest = null;
        Envelope<?> outcome = null;
        while (true) {
            for (EventFeed.Item item : feed.poll(POLL)) {
                Envelope<?> envelope = item.envelope();
                if (envelope == null) {
                    continue;
                }
                if (envelope.payload() instanceof DrRunUpdated run && run.runId().equals(runId)) {
                    latest = run;
                } else if (RunProgress.isOutcomeOf(envelope.payload(), runId)) {
                    outcome = envelope;
                } else if (RunProgress.isRefusalOf(envelope.payload(), commandId)) {
                    return new Followed(latest, null, (DrCommandRefused) envelope.payload());
                }
            }
            Instant now = Instant.now();
            listener.seen(latest, Duration.between(start, now).toSeconds());
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while following run " + runId);
            }
            if (latest != null && RunProgress.settled(latest.status())) {
                boolean factExpected = RunProgress.terminal(latest.status()) && FACT_KINDS.contains(latest.kind());
                if (outcome != null || !factExpected) {
                    return new Followed(latest, outcome, null);
                }
                graceEnd = graceEnd == null ? now.plus(OUTCOME_GRACE) : graceEnd;
                if (now.isAfter(graceEnd)) {
                    return new Followed(latest, null, null);
                }
            }
            if (now.isAfter(start.plus(limit))) {
                throw new OpsFailure("run '" + runId + "' has not ended after " + Human.duration(limit.toSeconds())
                        + ": " + (latest == null
                                ? "the orchestrator has not reported it on " + Topics.DR_RUNS.name()
                                        + " (is dr-orchestrator running?)"
                                : "it is " + latest.status() + " at step '" + RunProgress.current(latest)
                                        .map(DrRunStep::id).orElse("-") + "'")
                        + "; follow it with 'lifeboat watch --topic " + Topics.DR_RUNS.name() + (latest == null
                                ? ""
                                : " --target " + latest.targetId())
                        + "'");
            }
        }
    }

    /** Closes the feed. */
    @Override
    public void close() {
        feed.close();
    }
}
