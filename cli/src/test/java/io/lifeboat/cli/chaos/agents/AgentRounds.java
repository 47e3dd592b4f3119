package io.lifeboat.cli.chaos.agents;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.cli.chaos.agents.FactFeed.Kind;
import io.lifeboat.cli.chaos.agents.FactFeed.Seen;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.RunBackup;

/**
 * One agent's rounds: per round a {@code RunBackup}, the agent killed with SIGKILL at the round's {@link KillMoment},
 * started again, and the redelivered command's outcome awaited; returns one line per round with where the kill landed
 * and how long each step took.
 */
final class AgentRounds implements Callable<List<String>> {

    private static final Duration START_PATIENCE = Duration.ofSeconds(90);
    private static final Duration OUTCOME_PATIENCE = Duration.ofMinutes(2);
    private static final long NEAR_END_FALLBACK_MILLIS = 2_000;

    private final Engine engine;
    private final String target;
    private final AgentProcess agent;
    private final FactFeed feed;
    private final CommandSender sender;
    private final ObjectStore store;
    private final List<KillMoment> moments;
    private final ArtifactLayout layout = new ArtifactLayout();
    private long measuredMillis;

    AgentRounds(Engine engine, String target, AgentProcess agent, FactFeed feed, CommandSender sender,
            ObjectStore store, List<KillMoment> moments) {
        this.engine = engine;
        this.target = target;
        this.agent = agent;
        this.feed = feed;
        this.sender = sender;
        this.store = store;
        this.moments = List.copyOf(moments);
    }

    @Override
    public List<String> call() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int round = 1; round <= moments.size(); round++) {
            String line = round(round, moments.get(round - 1));
            System.out.println("chaos agents: " + line);
            System.out.flush();
            lines.add(line);
        }
        return lines;
    }

    private String round(int round, KillMoment moment) throws Exception {
        long t0 = System.nanoTime();
        String commandId = "chaos-" + engine.id() + "-" + round + "-" + UUID.randomUUID();
        String name = agent.name() + " round " + round + " (" + moment + ", command " + commandId + ")";
        feed.sent(commandId, target);
        sender.send(new RunBackup(commandId, target, engine, BackupType.FULL, CommandSender.SOURCE, null, null, 1));
        Optional<Seen> started = feed.await(commandId, s -> s.kind() == Kind.STARTED || outcome(s), START_PATIENCE);
        if (started.isEmpty()) {
            return name + ": no BackupStarted within " + START_PATIENCE.toSeconds() + " s; not killed";
        }
        String backupId = started.get().backupId();
        awaitMoment(moment, commandId, backupId, started.get().seenAtNanos());
        boolean outcomeBeforeKill = feed.hasOutcome(commandId);
        long storedAtKill = feed.facts(commandId).stream().filter(s -> s.kind() == Kind.PROGRESSED)
                .mapToLong(Seen::storedBytes).max().orElse(0);
        long killedAt = System.nanoTime();
        agent.kill(name);
        String landing = outcomeBeforeKill
                ? "after the outcome"
                : manifestStored(backupId) ? "after the manifest, before the outcome" : "before the manifest";
        agent.start();
        long readyAt = System.nanoTime();
        Optional<Seen> outcome = feed.await(commandId, AgentRounds::outcome, OUTCOME_PATIENCE);
        long endedAt = System.nanoTime();
        measure(commandId, killedAt, outcome);
        return String.format("%s: killed %.1f s after start (%s, %d MiB stored), ready again in %.1f s, %s; "
                + "round %.1f s", name, seconds(killedAt - started.get().seenAtNanos()), landing, storedAtKill >> 20,
                seconds(readyAt - killedAt), outcome.map(o -> describe(o, killedAt)).orElse("no outcome within "
                        + OUTCOME_PATIENCE.toSeconds() + " s"),
                seconds(endedAt - t0));
    }

    private void awaitMoment(KillMoment moment, String commandId, String backupId, long startedAt) throws Exception {
        switch (moment) {
            case AFTER_START -> {
                // Killed at once.
            }
            case MID_STREAM -> feed.await(commandId, s -> outcome(s) || s.kind() == Kind.PROGRESSED
                    && (s.storedBytes() > 0 || progressSince(commandId, startedAt) >= 2), OUTCOME_PATIENCE);
            case NEAR_END -> {
                long delay = KillSchedule.nearEndDelayMillis(measuredMillis, NEAR_END_FALLBACK_MILLIS);
                long left = startedAt + delay * 1_000_000 - System.nanoTime();
                feed.await(commandId, AgentRounds::outcome, Duration.ofNanos(Math.max(0, left)));
            }
            case MANIFEST_STORED -> {
                long deadline = System.nanoTime() + OUTCOME_PATIENCE.toNanos();
                while (!manifestStored(backupId) && !feed.hasOutcome(commandId) && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
            }
            case AFTER_OUTCOME -> feed.await(commandId, AgentRounds::outcome, OUTCOME_PATIENCE);
        }
    }

    // The time of the last run that completed without a kill in between: what a whole backup of this engine takes.
    private void measure(String commandId, long killedAt, Optional<Seen> outcome) {
        if (outcome.isEmpty() || outcome.get().kind() != Kind.COMPLETED) {
            return;
        }
        long completedAt = outcome.get().seenAtNanos();
        feed.facts(commandId).stream().filter(s -> s.kind() == Kind.STARTED && s.seenAtNanos() < completedAt)
                .reduce((a, b) -> b).filter(s -> s.seenAtNanos() > killedAt || completedAt < killedAt)
                .ifPresent(s -> measuredMillis = (completedAt - s.seenAtNanos()) / 1_000_000);
    }

    // The file agent stores chunks beside its artifact and reports no stored bytes until the end: the second progress
    // fact of the attempt says that it is well under way too.
    private long progressSince(String commandId, long startedAt) {
        return feed.facts(commandId).stream().filter(s -> s.kind() == Kind.PROGRESSED && s.seenAtNanos() >= startedAt)
                .count();
    }

    private boolean manifestStored(String backupId) throws IOException {
        return store.stat(layout.manifest(target, backupId)).isPresent();
    }

    private static String describe(Seen outcome, long killedAt) {
        return outcome.seenAtNanos() < killedAt
                ? outcome.kind() + " before the kill"
                : String.format("%s %.1f s after the kill", outcome.kind(), seconds(outcome.seenAtNanos() - killedAt));
    }

    private static boolean outcome(Seen seen) {
        return seen.kind() == Kind.COMPLETED || seen.kind() == Kind.FAILED;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
