package io.lifeboat.cli.chaos.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.lifeboat.cli.ServiceCatalog;
import io.lifeboat.cli.ServiceProcess;
import io.lifeboat.cli.StackInfrastructure;
import io.lifeboat.cli.chaos.ChaosScenario;
import io.lifeboat.cli.chaos.ChaosTally;
import io.lifeboat.cli.chaos.CommandLedger;
import io.lifeboat.testkit.process.FreePorts;
import io.lifeboat.testkit.process.TempDirs;

/**
 * {@code fuzz}: the embedded stack and every packaged service, then 10,000 records on every consumed topic, about
 * 9,000 of them malformed in each way the consumers check (see {@link FuzzKind}) and the others valid backup commands
 * and backup facts; judges that every malformed record was dead-lettered once with a reason by every group reading its
 * topic, that every valid command completed and every valid fact reached the catalog, and that no consumer stopped.
 */
public final class FuzzScenario implements ChaosScenario {

    static final int MALFORMED = 9_000;
    static final int COMMANDS_PER_AGENT = 10;
    static final int FACTS = 960;
    static final long SEED = 20261122L;
    private static final Duration READY = Duration.ofSeconds(240);
    private static final Duration PATIENCE = Duration.ofSeconds(300);

    @Override
    public String name() {
        return "fuzz";
    }

    @Override
    public ChaosTally run() throws Exception {
        Path repo = ChaosScenario.repository();
        Path home = Files.createTempDirectory("lifeboat-chaos-fuzz-");
        List<ServiceProcess> services = new ArrayList<>();
        try (StackInfrastructure infra = StackInfrastructure.start()) {
            try {
                startServices(infra, services, repo, home);
                return fuzz(infra, services);
            } finally {
                // Before the broker goes, so that each service shuts down cleanly.
                for (int i = services.size() - 1; i >= 0; i--) {
                    services.get(i).close();
                }
            }
        } finally {
            TempDirs.deleteRecursively(home);
        }
    }

    private static void startServices(StackInfrastructure infra, List<ServiceProcess> services, Path repo,
            Path home) throws Exception {
        Map<String, String> config = infra.serviceConfig(home);
        // Kept after the run, for reading what a consumer logged; the next run replaces them.
        Path logs = repo.resolve("cli/target/chaos-fuzz-logs");
        TempDirs.deleteRecursively(logs);
        for (ServiceCatalog.Service service : ServiceCatalog.ALL) {
            services.add(ServiceProcess.start(repo, service, FreePorts.find(), config, logs));
        }
        for (ServiceProcess service : services) {
            service.awaitReady(READY);
        }
        say("stack ready; service logs in " + logs);
    }

    private ChaosTally fuzz(StackInfrastructure infra, List<ServiceProcess> services) throws Exception {
        FuzzPlan plan = FuzzPlan.build(SEED, Instant.now(), MALFORMED, COMMANDS_PER_AGENT, FACTS);
        DeadLetterJudge judge = new DeadLetterJudge();
        CommandLedger ledger = new CommandLedger();
        Set<String> commandIds = new HashSet<>();
        Set<String> factBackups = new HashSet<>();
        for (FuzzRecord record : plan.records()) {
            judge.sent(record);
            if (record.kind() == FuzzKind.VALID && record.template().agentEngine() != null) {
                String commandId = commandId(record);
                commandIds.add(commandId);
                ledger.sent(commandId, record.key());
            } else if (record.kind() == FuzzKind.VALID) {
                factBackups.add("fuzz-bk-" + record.id());
            }
        }
        // The producer's callbacks add to it from the I/O thread.
        List<String> findings = java.util.Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        Set<String> refused = send(infra.bootstrapServers(), plan, findings);
        say(String.format("sent %d records (%d malformed, %d valid) in %d s", plan.records().size(),
                plan.malformed().size(), plan.valid().size(), (System.nanoTime() - t0) / 1_000_000_000L));
        try (FuzzObserver observer = new FuzzObserver(infra.bootstrapServers(), judge, ledger, commandIds)) {
            Instant deadline = Instant.now().plus(PATIENCE);
            while (Instant.now().isBefore(deadline) && !(judge.complete() && settled(ledger, factBackups, observer))) {
                observer.poll(Duration.ofSeconds(1));
            }
            // A few more seconds for dead letters that come twice.
            Instant grace = Instant.now().plusSeconds(5);
            while (Instant.now().isBefore(grace)) {
                observer.poll(Duration.ofMillis(500));
            }
            say(String.format("judged %d s after the last send", (System.nanoTime() - t0) / 1_000_000_000L));
            return tally(infra, services, plan, judge, ledger, factBackups, observer.catalogBackups(), refused,
                    findings);
        }
    }

    private ChaosTally tally(StackInfrastructure infra, List<ServiceProcess> services, FuzzPlan plan,
            DeadLetterJudge judge, CommandLedger ledger, Set<String> factBackups, Set<String> catalog,
            Set<String> refused, List<String> findings) throws Exception {
        DeadLetterJudge.Verdict verdict = judge.verdict();
        ChaosTally commands = ledger.tally(name());
        long factsLost = factBackups.stream().filter(b -> !catalog.contains(b)).count();
        if (factsLost > 0) {
            findings.add(factsLost + " of " + factBackups.size() + " valid BackupCompleted facts never reached "
                    + "lifeboat.catalog, e.g. " + factBackups.stream().filter(b -> !catalog.contains(b)).findFirst()
                            .orElseThrow());
        }
        List<String> crashed = ConsumerHealth.crashed(services, findings);
        try (Admin admin = infra.kafka().newAdmin()) {
            ConsumerHealth.lags(admin, groups()).forEach((group, lags) -> findings.add("consumer group " + group
                    + " did not catch up: records left " + lags));
        }
        report(verdict);
        findings.addAll(commands.findings());
        findings.addAll(verdict.findings());
        long malformed = verdict.malformed() - refused.size();
        return new ChaosTally(name(), commands.lost() + factsLost, commands.duplicated() + verdict.duplicated(),
                commands.stuck(), crashed.size(), malformed, verdict.deadLettered(), plan.valid().size(),
                commands.validCompleted() + factBackups.size() - factsLost, findings);
    }

    private static Set<String> send(String bootstrap, FuzzPlan plan, List<String> findings) throws Exception {
        Set<String> refused = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicLong failed = new AtomicLong();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer())) {
            for (FuzzRecord record : plan.records()) {
                producer.send(record.producerRecord(), (metadata, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                        refused.add(record.id());
                        findings.add("the broker refused " + record.kind() + " record " + record.id() + " for "
                                + record.topic() + ": " + e);
                    }
                });
            }
            producer.flush();
        }
        return refused;
    }

    private static boolean settled(CommandLedger ledger, Set<String> factBackups, FuzzObserver observer) {
        ChaosTally commands = ledger.tally("fuzz");
        boolean outcomes = commands.lost() == 0 && commands.stuck() == 0;
        return outcomes && observer.catalogBackups().containsAll(factBackups);
    }

    /** The topics each consuming group reads, from the templates. */
    static Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (FuzzTemplate template : FuzzTargets.all()) {
            template.groups().forEach(g -> groups.computeIfAbsent(g, k -> new ArrayList<>()).add(template.topic()));
        }
        return groups;
    }

    private static void report(DeadLetterJudge.Verdict verdict) {
        say("dead-lettered / malformed, per kind:");
        verdict.byKind().forEach((kind, n) -> say(String.format("  %-20s %5d / %5d  %s", kind, n[1], n[0],
                verdict.reasons().getOrDefault(kind, List.of()).stream().map(FuzzScenario::shorten).toList())));
        say("dead-lettered / malformed, per topic:");
        verdict.byTopic().forEach((topic, n) -> say(String.format("  %-28s %5d / %5d", topic, n[1], n[0])));
    }

    private static String commandId(FuzzRecord record) {
        try {
            return io.lifeboat.events.envelope.LifeboatJson.mapper().readTree(record.value()).get("commandId")
                    .asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable valid command " + record.id() + ": " + e.getMessage(), e);
        }
    }

    private static String shorten(String reason) {
        return reason.length() <= 160 ? reason : reason.substring(0, 157) + "...";
    }

    private static void say(String line) {
        System.out.println("fuzz: " + line);
    }
}
