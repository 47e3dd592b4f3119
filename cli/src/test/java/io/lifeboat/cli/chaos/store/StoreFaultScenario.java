package io.lifeboat.cli.chaos.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.lifeboat.cli.StackInfrastructure;
import io.lifeboat.cli.chaos.ChaosScenario;
import io.lifeboat.cli.chaos.ChaosTally;
import io.lifeboat.events.Engine;
import io.lifeboat.events.EngineCommand;
import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.backup.BackupFailed;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.BackupVerified;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.backup.VerificationFailed;
import io.lifeboat.events.backup.VerifyBackup;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.testkit.process.TempDirs;

/**
 * {@code store}: the object store fails 10 % of its requests (alternately 503 SlowDown and 500 InternalError) for a
 * minute while every agent is sent a backup command every 2.5 s. Afterwards every command must have completed; every
 * completed backup must pass the agent's own {@code VerifyBackup} (each part re-read and checked); a failed backup
 * must have left nothing that looks complete; and every agent must still be ready and consuming.
 */
public final class StoreFaultScenario implements ChaosScenario {

    private static final double FAULT_SHARE = 0.10;
    private static final long SEED = 20261122L;
    private static final Duration WINDOW = Duration.ofSeconds(60);
    private static final Duration TICK = Duration.ofMillis(2500);
    private static final Duration FIRST_BACKUPS = Duration.ofMinutes(3);
    private static final Duration SETTLE = Duration.ofMinutes(5);
    // Each verification restores into a scratch server (PostgreSQL, Redis) or databases: seconds per backup.
    private static final Duration VERIFY = Duration.ofMinutes(10);
    private static final int PG_BALLAST_ROWS = 250_000;
    private static final int FILE_BYTES = 3 << 20;
    private static final Map<Engine, Target> TARGETS = targets();

    /** The target an engine's agent backs up, and the backup type it is asked for. */
    private record Target(String service, String id, BackupType type) {
    }

    private final EventCodec codec = new EventCodec();
    private final Random bytes = new Random(SEED);
    private final List<String> findings = new ArrayList<>();

    @Override
    public String name() {
        return "store";
    }

    @Override
    public ChaosTally run() throws Exception {
        Path repo = ChaosScenario.repository();
        Path home = TempDirs.create("lifeboat-chaos-store-");
        FaultSwitch faults = new FaultSwitch(FAULT_SHARE, SEED);
        long t0 = System.nanoTime();
        try (StackInfrastructure infra = StackInfrastructure.start();
                FaultyS3Server s3 = FaultyS3Server.start(StackInfrastructure.BUCKET, faults)) {
            Map<String, String> config = agentConfig(infra, s3, home);
            loadBallast(infra);
            Map<Engine, String> services = new LinkedHashMap<>();
            TARGETS.forEach((engine, target) -> services.put(engine, target.service()));
            try (AgentFleet agents = AgentFleet.start(repo, services, config);
                    BackupEventsFollower events = new BackupEventsFollower(infra.bootstrapServers());
                    KafkaProducer<String, byte[]> producer = producer(infra.bootstrapServers())) {
                long ready = System.nanoTime();
                // One backup of each target before the faults: the first one of a target does work the later
                // ones do not (the file repository's first chunks, the agents' warm-up).
                awaitOutcomes(events, sendRound(producer, events, home), FIRST_BACKUPS, "the first backups");
                long open = System.nanoTime();
                faults.open();
                List<String> inWindow = new ArrayList<>();
                long end = open + WINDOW.toNanos();
                for (long tick = open; tick < end; tick += TICK.toNanos()) {
                    inWindow.addAll(sendRound(producer, events, home));
                    Thread.sleep(Math.max(0, (tick + TICK.toNanos() - System.nanoTime()) / 1_000_000));
                }
                faults.close();
                long closed = System.nanoTime();
                long requestsInWindow = faults.requestsInWindow();
                awaitOutcomes(events, inWindow, SETTLE, "the commands sent in the fault window");
                long settled = System.nanoTime();
                // One more command per agent: an agent that stopped consuming has no outcome for it.
                List<String> probes = sendRound(producer, events, home);
                awaitOutcomes(events, probes, FIRST_BACKUPS, "the commands sent after the window");
                long lost = verifyCompleted(producer, events) + checkFailed(events, s3);
                long crashes = consumerCrashes(agents, events, probes);
                long verified = System.nanoTime();
                int pending = s3.pendingUploads(StackInfrastructure.BUCKET);
                if (pending > 0) {
                    findings.add(pending + " multipart uploads are still pending in the bucket (an abort that "
                            + "failed; a lifecycle rule for incomplete uploads removes them)");
                }
                events.unreadable().forEach(f -> findings.add("unreadable fact " + f));
                System.out.printf("store: %d S3 requests in the %d s fault window, %d failed on purpose (%.1f %%), "
                        + "%d requests outside it; %d backup commands in the window, %s; %d backups completed, %d "
                        + "failed in all; start %d s, first backups %d s, window %d s, settle %d s, probes and "
                        + "verification %d s%n", requestsInWindow, WINDOW.toSeconds(), faults.injected(),
                        100.0 * faults.injected() / Math.max(1, requestsInWindow),
                        faults.requests() - requestsInWindow, inWindow.size(), outcomeCounts(events, inWindow),
                        events.completed().size(), events.failed().size(), seconds(t0, ready), seconds(ready, open),
                        seconds(open, closed), seconds(closed, settled), seconds(settled, verified));
                System.out.println("store: requests/failed on purpose per operation " + s3.requestsByOperation());
                return tally(events.tally(name()), lost, crashes);
            }
        } finally {
            TempDirs.deleteRecursively(home);
        }
    }

    private Map<String, String> agentConfig(StackInfrastructure infra, FaultyS3Server s3, Path home)
            throws IOException {
        Map<String, String> config = new LinkedHashMap<>(infra.serviceConfig(home));
        config.put("lifeboat.agent.store.driver", "s3");
        config.put("lifeboat.agent.store.s3-endpoint", s3.endpoint().toString());
        config.put("lifeboat.agent.store.s3-bucket", StackInfrastructure.BUCKET);
        config.put("lifeboat.agent.store.s3-region", FaultyS3Server.REGION);
        config.put("lifeboat.agent.store.s3-access-key", FaultyS3Server.ACCESS_KEY);
        config.put("lifeboat.agent.store.s3-secret-key", FaultyS3Server.SECRET_KEY);
        config.put("lifeboat.agent.store.s3-path-style", "true");
        return config;
    }

    // Random bytes do not compress, so that a full backup of the PostgreSQL target spans several S3 parts.
    private static void loadBallast(StackInfrastructure infra) throws Exception {
        try (Connection connection = infra.postgres().connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE chaos_ballast AS SELECT g AS id, decode(md5(random()::text) || "
                    + "md5(random()::text), 'hex') AS payload FROM generate_series(1, " + PG_BALLAST_ROWS + ") g");
        }
    }

    /** Sends one backup command to every agent (a new file first for the file target) and returns their ids. */
    private List<String> sendRound(KafkaProducer<String, byte[]> producer, BackupEventsFollower events, Path home)
            throws Exception {
        addFile(home.resolve(".lifeboat/demo-files/chaos"));
        List<String> ids = new ArrayList<>();
        for (Map.Entry<Engine, Target> entry : TARGETS.entrySet()) {
            Target target = entry.getValue();
            String commandId = "chaos-store-" + UUID.randomUUID();
            events.sent(commandId, target.id());
            send(producer, new RunBackup(commandId, target.id(), entry.getKey(), target.type(), "chaos-bench", null,
                    null, 1));
            ids.add(commandId);
        }
        return ids;
    }

    private void addFile(Path dir) throws IOException {
        Files.createDirectories(dir);
        byte[] content = new byte[FILE_BYTES];
        bytes.nextBytes(content);
        Files.write(dir.resolve("f-" + UUID.randomUUID() + ".bin"), content);
    }

    private void send(KafkaProducer<String, byte[]> producer, EngineCommand command) throws Exception {
        producer.send(codec.encode(Envelope.of(Envelope.sourceOf("chaos-bench"), command))).get();
    }

    private static void awaitOutcomes(BackupEventsFollower events, List<String> commandIds, Duration patience,
            String what) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!events.withoutOutcome(commandIds).isEmpty() && System.nanoTime() < deadline) {
            if (events.failure() != null) {
                throw new IllegalStateException("unable to read lifeboat.backup.events: " + events.failure(),
                        events.failure());
            }
            Thread.sleep(500);
        }
        int missing = events.withoutOutcome(commandIds).size();
        if (missing > 0) {
            System.out.println("store: " + missing + " of " + commandIds.size() + " of " + what + " have no outcome "
                    + "after " + patience.toSeconds() + " s");
        }
    }

    /** Asks the agents to verify every completed backup; returns how many did not verify. */
    private long verifyCompleted(KafkaProducer<String, byte[]> producer, BackupEventsFollower events)
            throws Exception {
        Map<String, BackupCompleted> completed = events.completed();
        Map<String, BackupCompleted> byVerify = new LinkedHashMap<>();
        for (BackupCompleted backup : completed.values()) {
            String commandId = "chaos-store-verify-" + backup.backupId();
            byVerify.put(commandId, backup);
            send(producer, new VerifyBackup(commandId, backup.targetId(), backup.engine(), backup.backupId(),
                    "chaos-bench", null, 1));
        }
        long deadline = System.nanoTime() + VERIFY.toNanos();
        while (byVerify.keySet().stream().anyMatch(id -> events.verification(id) == null)
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        long lost = 0;
        for (Map.Entry<String, BackupCompleted> entry : byVerify.entrySet()) {
            BackupCompleted backup = entry.getValue();
            Object outcome = events.verification(entry.getKey());
            String problem = null;
            if (outcome == null) {
                problem = "has no verification outcome";
            } else if (outcome instanceof VerificationFailed failed) {
                problem = "failed verification at " + failed.failedStep() + ": " + failed.reason();
            } else if (outcome instanceof BackupVerified ok && !ok.sha256().equals(backup.sha256())) {
                problem = "verified with SHA-256 " + ok.sha256() + " but completed with " + backup.sha256();
            }
            if (problem != null) {
                lost++;
                findings.add("completed backup " + backup.backupId() + " of " + backup.targetId() + " " + problem);
            }
        }
        return lost;
    }

    /** Counts the failed backups that left something that looks complete; other leftovers are findings only. */
    private long checkFailed(BackupEventsFollower events, FaultyS3Server s3) throws IOException {
        long lost = 0;
        try (FailedBackupCheck check = new FailedBackupCheck(s3.endpoint(), StackInfrastructure.BUCKET)) {
            for (BackupFailed failed : events.failed().values()) {
                Optional<String> problem = check.leftovers(failed.targetId(), failed.backupId());
                if (problem.isPresent()) {
                    findings.add(problem.get());
                    if (problem.get().contains("has a manifest")) {
                        lost++;
                    }
                }
            }
        }
        return lost;
    }

    private long consumerCrashes(AgentFleet agents, BackupEventsFollower events, List<String> probes) {
        List<String> down = new ArrayList<>(agents.notReady());
        events.withoutOutcome(probes).forEach(id -> down.add("the command " + id + " sent after the window has no "
                + "outcome: its agent stopped consuming"));
        findings.addAll(down);
        return down.size();
    }

    private static String outcomeCounts(BackupEventsFollower events, List<String> commandIds) {
        long without = events.withoutOutcome(commandIds).size();
        return (commandIds.size() - without) + " with an outcome";
    }

    private ChaosTally tally(ChaosTally ledger, long lost, long crashes) {
        List<String> all = new ArrayList<>(ledger.findings());
        all.addAll(findings);
        return new ChaosTally(name(), ledger.lost() + lost, ledger.duplicated(), ledger.stuck(), crashes, 0, 0,
                ledger.valid(), ledger.validCompleted(), all);
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static long seconds(long from, long to) {
        return (to - from) / 1_000_000_000L;
    }

    private static Map<Engine, Target> targets() {
        Map<Engine, Target> targets = new LinkedHashMap<>();
        targets.put(Engine.POSTGRES, new Target("pg-agent", StackInfrastructure.DEMO_PG_TARGET, BackupType.FULL));
        targets.put(Engine.REDIS, new Target("redis-agent", StackInfrastructure.DEMO_REDIS_TARGET,
                BackupType.SNAPSHOT));
        targets.put(Engine.MONGODB, new Target("mongo-agent", StackInfrastructure.DEMO_MONGO_TARGET,
                BackupType.LOGICAL));
        targets.put(Engine.FILESYSTEM, new Target("fs-agent", StackInfrastructure.DEMO_FILES_TARGET,
                BackupType.INCREMENTAL));
        return targets;
    }
}
