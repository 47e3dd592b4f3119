package io.lifeboat.cli.chaos.brokers;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;

import io.lifeboat.cli.chaos.ChaosScenario;
import io.lifeboat.cli.chaos.ChaosTally;
import io.lifeboat.events.Topics;
import io.lifeboat.testkit.kafka.KafkaCluster;

/**
 * {@code brokers}: the packaged catalog folds 10,000 facts from a 3-node KRaft cluster, each node in a JVM of its
 * own, while the node that holds most of its partitions, transactions and coordination is killed with SIGKILL after
 * 3,000 facts and started again on its data after 9,000; then
 * every fact must show in {@code lifeboat.catalog} (read committed) and the query API exactly once, and the catalog's
 * Kafka Streams must still be running.
 */
public final class BrokerLossScenario implements ChaosScenario {

    static final int FACTS = 10_000;
    static final int TARGETS = 100;
    // Faster than the catalog folds on a shared 2-core machine (about 150 a second), so that it always has a
    // backlog and any stall shows as a pause in its output.
    static final int FACTS_PER_SECOND = 200;
    static final int KILL_AFTER = 3_000;
    static final int RESTART_AFTER = 9_000;
    static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final List<String> WATCHED = List.of(Topics.POLICIES.name(), Topics.BACKUP_EVENTS.name(),
            Topics.CATALOG.name(), "__transaction_state", "__consumer_offsets");

    @Override
    public String name() {
        return "brokers";
    }

    @Override
    public ChaosTally run() throws Exception {
        Instant begin = Instant.now();
        Path home = ChaosScenario.repository();
        try (KafkaCluster cluster = KafkaCluster.startForked(3); Admin admin = cluster.newAdmin()) {
            ReplicatedTopics.create(admin);
            String bootstrap = cluster.bootstrapServers();
            try (CatalogService catalog = CatalogService.start(home, bootstrap);
                    CatalogWatch watch = CatalogWatch.start(bootstrap);
                    FactSender sender = new FactSender(bootstrap)) {
                say("3-node cluster (a JVM per node) and catalog-service up in %d s; catalog log %s",
                        secondsSince(begin), catalog.log());
                return play(cluster, new ClusterRoles(admin), catalog, watch, sender, begin);
            }
        }
    }

    private ChaosTally play(KafkaCluster cluster, ClusterRoles roles, CatalogService catalog, CatalogWatch watch,
            FactSender sender, Instant begin) throws Exception {
        CatalogFacts facts = CatalogFacts.generate(FACTS, TARGETS, Instant.now());
        AtomicReference<Instant> killedAt = new AtomicReference<>();
        AtomicReference<Instant> restartedAt = new AtomicReference<>();
        AtomicReference<VictimChoice.Victim> victim = new AtomicReference<>();
        Runnable kill = () -> {
            VictimChoice.Victim chosen = roles.victim(IntStream.range(0, cluster.size()).boxed().toList(), WATCHED);
            victim.set(chosen);
            killedAt.set(Instant.now());
            cluster.killNode(chosen.node());
            say("killed %s with SIGKILL after %d facts at %s (its JVM gone in %d ms)", chosen.describe(),
                    KILL_AFTER, clock(killedAt.get()), Duration.between(killedAt.get(), Instant.now()).toMillis());
        };
        Runnable restart = () -> {
            Instant restarting = Instant.now();
            cluster.restartNode(victim.get().node());
            restartedAt.set(Instant.now());
            long afterKill = Duration.between(killedAt.get(), restartedAt.get()).toSeconds();
            say("node %d back on its data after %d facts at %s, %d s after the kill (its JVM started and serving "
                    + "in %d s)", victim.get().node(), RESTART_AFTER, clock(restartedAt.get()), afterKill,
                    Duration.between(restarting, restartedAt.get()).toSeconds());
        };
        Instant firstFact = Instant.now();
        List<SentFact> sent = sender.send(facts.facts(), FACTS_PER_SECOND, Map.of(KILL_AFTER, kill, RESTART_AFTER,
                restart));
        Instant lastFact = Instant.now();
        say("%d facts stored in %d s (%d sent again after the producer gave up on them)", sent.size(),
                Duration.between(firstFact, lastFact).toSeconds(), sender.resent());

        awaitReflected(catalog, watch, facts, lastFact.plus(PATIENCE));
        FoldTimeline timeline = watch.timeline();
        List<String> crashes = catalog.crashes();
        CatalogVerdict verdict = new CatalogVerdict(CatalogTopicReader.readAll(cluster.bootstrapServers(),
                Duration.ofMinutes(1)), catalog.targetsWithPolicy(), catalog.completedBackups(facts.targets()),
                roles.committedOffsets());
        ChaosTally judged = verdict.judge(name(), sent);
        say("the catalog's own topics and their replication: %s", roles.replication(ClusterRoles.CATALOG_GROUP));
        report(timeline, firstFact, lastFact, killedAt.get(), restartedAt.get(), catalog, begin);
        List<String> findings = new ArrayList<>(crashes);
        findings.addAll(judged.findings());
        return new ChaosTally(name(), judged.lost(), judged.duplicated(), judged.stuck(), crashes.size(), 0, 0,
                judged.valid(), judged.validCompleted(), findings);
    }

    /** Waits until every backup is in the topic and the query API shows every policy and backup, or the deadline. */
    private static void awaitReflected(CatalogService catalog, CatalogWatch watch, CatalogFacts facts,
            Instant deadline) throws InterruptedException {
        int backups = facts.backups().size();
        while (Instant.now().isBefore(deadline)) {
            if (watch.completed() >= backups && catalog.targetsWithPolicy().size() >= facts.targets().size()
                    && catalog.completedBackups(facts.targets()).values().stream().mapToInt(s -> s.size())
                            .sum() >= backups) {
                return;
            }
            Thread.sleep(watch.completed() >= backups ? 2_000 : 500);
        }
        say("patience out: %d of %d backups in lifeboat.catalog %s after the last fact", watch.completed(), backups,
                PATIENCE);
    }

    private static void report(FoldTimeline timeline, Instant firstFact, Instant lastFact, Instant killedAt,
            Instant restartedAt, CatalogService catalog, Instant begin) {
        Instant last = timeline.last();
        if (last != null) {
            say("the catalog folded the facts in %.1f s (first fact to the last backup in lifeboat.catalog; the "
                    + "first backup showed %.1f s after the first fact, the last %.1f s after the last fact)",
                    seconds(firstFact, last), seconds(firstFact, timeline.sightings().get(0)),
                    seconds(lastFact, last));
        }
        if (killedAt != null && last != null) {
            FoldTimeline.Stall before = timeline.longestStall(timeline.sightings().get(0), killedAt);
            FoldTimeline.Stall outage = timeline.longestStall(killedAt,
                    restartedAt == null || restartedAt.isAfter(last) ? last : restartedAt);
            FoldTimeline.Stall rejoin = restartedAt == null ? null : timeline.longestStall(restartedAt, last);
            say("outage seen by the catalog's readers: %.1f s without a new backup, from %+.1f s after the kill "
                    + "(longest pause before the kill %.1f s%s)", outage.length().toMillis() / 1000.0,
                    seconds(killedAt, outage.from()), before.length().toMillis() / 1000.0,
                    rejoin == null
                            ? ""
                            : String.format(", after the restart %.1f s", rejoin.length().toMillis()
                                    / 1000.0));
        }
        say("catalog log: %d WARN and %d ERROR lines; scenario took %d s so far", catalog.logLinesWith(" WARN "),
                catalog.logLinesWith(" ERROR "), secondsSince(begin));
    }

    /** Wall-clock time of day, to find the moment in the catalog's log. */
    private static LocalTime clock(Instant instant) {
        return LocalTime.ofInstant(instant, ZoneId.systemDefault()).truncatedTo(ChronoUnit.MILLIS);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static long secondsSince(Instant begin) {
        return Duration.between(begin, Instant.now()).toSeconds();
    }

    private static void say(String format, Object... args) {
        System.out.println("chaos brokers: " + String.format(format, args));
    }
}
