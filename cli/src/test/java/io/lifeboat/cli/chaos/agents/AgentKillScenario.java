package io.lifeboat.cli.chaos.agents;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.cli.ServiceCatalog;
import io.lifeboat.cli.chaos.ChaosScenario;
import io.lifeboat.cli.chaos.ChaosTally;
import io.lifeboat.events.Engine;

/**
 * {@code agents}: the four packaged agents back up their targets into an S3 store while each is killed with SIGKILL
 * mid-backup, five times per agent at five different moments ({@link KillSchedule}), and started again; every command
 * must be redelivered and complete exactly once, every completed backup must read back and verify, the store must hold
 * no manifest without a completion, and every agent must still be up and consuming at the end.
 */
public final class AgentKillScenario implements ChaosScenario {

    private static final int ROUNDS_PER_ENGINE = 5;
    private static final Duration OUTCOME_PATIENCE = Duration.ofMinutes(2);

    /** One agent under test: its engine, its service module and the id of its one target. */
    private record Subject(Engine engine, String service, String target) {
    }

    private static final List<Subject> SUBJECTS = List.of(new Subject(Engine.POSTGRES, "pg-agent", "chaos-pg"),
            new Subject(Engine.REDIS, "redis-agent", "chaos-redis"),
            new Subject(Engine.MONGODB, "mongo-agent", "chaos-mongo"),
            new Subject(Engine.FILESYSTEM, "fs-agent", "chaos-files"));

    @Override
    public String name() {
        return "agents";
    }

    @Override
    public ChaosTally run() throws Exception {
        Path home = ChaosScenario.repository();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(SUBJECTS.size());
        try (AgentServers servers = AgentServers.start();
                FactFeed feed = new FactFeed(servers.bootstrapServers());
                CommandSender sender = new CommandSender(servers.bootstrapServers());
                ObjectStore store = servers.openStore()) {
            say(String.format("servers up and loaded in %.1f s", seconds(System.nanoTime() - t0)));
            List<AgentProcess> agents = new ArrayList<>();
            // The agents stop before the servers they use.
            try {
                for (Subject subject : SUBJECTS) {
                    agents.add(new AgentProcess(subject.service(), ServiceCatalog.byName(subject.service())
                            .jar(home), servers.agentConfig(subject.engine(), subject.target())));
                }
                return rounds(servers, feed, sender, store, agents, pool);
            } finally {
                pool.shutdownNow();
                agents.forEach(AgentProcess::close);
            }
        } finally {
            say(String.format("scenario took %.1f s", seconds(System.nanoTime() - t0)));
        }
    }

    private ChaosTally rounds(AgentServers servers, FactFeed feed, CommandSender sender, ObjectStore store,
            List<AgentProcess> agents, ExecutorService pool) throws Exception {
        long agentsAt = System.nanoTime();
        all(pool, agents.stream().<Callable<Void>>map(a -> () -> {
            a.start();
            return null;
        }).toList());
        say(String.format("agents ready in %.1f s", seconds(System.nanoTime() - agentsAt)));
        long roundsAt = System.nanoTime();
        List<Callable<List<String>>> rounds = new ArrayList<>();
        for (int i = 0; i < SUBJECTS.size(); i++) {
            Subject subject = SUBJECTS.get(i);
            rounds.add(new AgentRounds(subject.engine(), subject.target(), agents.get(i), feed, sender, store,
                    KillSchedule.of(i, ROUNDS_PER_ENGINE)));
        }
        all(pool, rounds);
        say(String.format("%d rounds in %.1f s", SUBJECTS.size() * ROUNDS_PER_ENGINE,
                seconds(System.nanoTime() - roundsAt)));
        List<String> open = feed.awaitOutcomes(OUTCOME_PATIENCE);
        if (!open.isEmpty()) {
            say(open.size() + " commands without an outcome after " + OUTCOME_PATIENCE.toSeconds() + " s more");
        }
        return judge(servers, feed, sender, store, agents);
    }

    private ChaosTally judge(AgentServers servers, FactFeed feed, CommandSender sender, ObjectStore store,
            List<AgentProcess> agents) throws Exception {
        Map<String, String> agentOf = new LinkedHashMap<>();
        SUBJECTS.forEach(s -> agentOf.put(s.target(), s.service()));
        BackupChecks.Result checks = new BackupChecks(store, servers.masterKey()).check(feed.completions(), agentOf,
                SUBJECTS.stream().map(Subject::target).toList(), feed, sender);
        checks.notes().forEach(AgentKillScenario::say);
        List<String> findings = new ArrayList<>(checks.findings());
        long crashes = checks.unanswered().size();
        for (AgentProcess agent : agents) {
            findings.addAll(agent.findings());
            crashes += agent.crashes();
            if (checks.unanswered().contains(agent.name())) {
                continue;
            }
            Optional<String> notReady = agent.notReady();
            if (notReady.isPresent()) {
                crashes++;
                findings.add(notReady.get());
            }
        }
        FactFeed.Reruns reruns = feed.reruns();
        findings.addAll(reruns.findings());
        ChaosTally ledger = feed.tally(name());
        findings.addAll(0, ledger.findings());
        return new ChaosTally(name(), ledger.lost() + checks.unreadable(), ledger.duplicated() + reruns.reran(),
                ledger.stuck(), crashes, ledger.malformed(), ledger.deadlettered(), ledger.valid(),
                ledger.validCompleted(), findings);
    }

    private static <T> List<T> all(ExecutorService pool, List<? extends Callable<T>> tasks) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        tasks.forEach(t -> futures.add(pool.submit(t)));
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
        return results;
    }

    private static void say(String line) {
        System.out.println("chaos agents: " + line);
        System.out.flush();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
