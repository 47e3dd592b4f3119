package io.lifeboat.scheduler.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lifeboat.events.Engine;
import io.lifeboat.events.Topics;
import io.lifeboat.events.admin.ContractTopics;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.policy.BackupSchedule;
import io.lifeboat.events.policy.DefinePolicy;
import io.lifeboat.events.policy.FailoverMode;
import io.lifeboat.events.policy.MisfireHandling;
import io.lifeboat.events.policy.PolicySpec;
import io.lifeboat.events.policy.ProtectionTier;
import io.lifeboat.events.policy.Scheduling;
import io.lifeboat.events.schedule.RunSkipped;
import io.lifeboat.scheduler.domain.PlannerSettings;
import io.lifeboat.scheduler.streams.SchedulerSettings;
import io.lifeboat.scheduler.streams.SchedulerTopology;
import io.lifeboat.testkit.kafka.KafkaBroker;
import io.lifeboat.testkit.process.Await;

/**
 * Two scheduler instances of one application over a real broker, exactly-once: twenty targets backed up every
 * second, an agent answering each RunBackup through the broker, one instance stopped half-way so the other takes
 * its targets over. Every slot of every target is decided exactly once: issued as one RunBackup, or recorded as one
 * skipped run; no command id is ever issued twice.
 */
class SchedulerInstancesIT {

    private static final int TARGETS = 20;
    private static final int RUNS = 200;
    private static final String CRON = "* * * * * ?";
    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBroker.start();
        try (Admin admin = broker.newAdmin()) {
            ContractTopics.ensure(admin, "scheduler-it", SchedulerTopology.INPUTS, 4, (short) -1);
        }
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void everyDueRunIsDecidedOnceAcrossTwoInstancesAndAHandOver() throws Exception {
        try (EchoAgent agent = new EchoAgent(broker.bootstrapServers());
                KafkaStreams a = start("a");
                KafkaStreams b = start("b")) {
            Await.until("both instances run with tasks of their own", Duration.ofSeconds(60),
                    () -> hasActiveTasks(a) && hasActiveTasks(b), () -> "a: " + a.state() + ", b: " + b.state());
            List<DefinePolicy> policies = new ArrayList<>();
            for (int i = 0; i < TARGETS; i++) {
                policies.add(policy("orders-db-" + i));
            }
            SchedulerKafka.send(broker.bootstrapServers(), policies.toArray(DefinePolicy[]::new));

            Await.until("half of the runs are decided", Duration.ofSeconds(120), () -> decided().size() >= RUNS / 2,
                    () -> decided().size() + " decided");
            b.close(Duration.ofSeconds(30));
            Await.until(RUNS + " runs are decided after b stopped", Duration.ofSeconds(180),
                    () -> decided().size() >= RUNS + TARGETS, () -> decided().size() + " decided");
            a.close(Duration.ofSeconds(30));
        }

        List<RunBackup> issued = SchedulerKafka.read(broker, Topics.COMMANDS_POSTGRES.name(), RunBackup.class);
        List<RunSkipped> skipped = SchedulerKafka.read(broker, Topics.SCHEDULE_EVENTS.name(), RunSkipped.class);
        assertThat(issued).extracting(RunBackup::commandId).doesNotHaveDuplicates();
        assertThat(skipped).extracting(RunSkipped::commandId).doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(issued.stream().map(RunBackup::commandId).toList());
        assertThat(skipped).allSatisfy(run -> assertThat(run.reason()).contains("previous backup"));
        Map<String, List<Instant>> slotsByTarget = new TreeMap<>();
        issued.forEach(run -> slotsByTarget.computeIfAbsent(run.targetId(), t -> new ArrayList<>())
                .add(run.scheduledFor()));
        skipped.forEach(run -> slotsByTarget.computeIfAbsent(run.targetId(), t -> new ArrayList<>())
                .add(run.scheduledFor()));
        assertThat(slotsByTarget).hasSize(TARGETS);
        int total = 0;
        for (Map.Entry<String, List<Instant>> target : slotsByTarget.entrySet()) {
            List<Instant> slots = target.getValue().stream().sorted().toList();
            assertThat(slots).as(target.getKey()).doesNotHaveDuplicates();
            for (int i = 1; i < slots.size(); i++) {
                assertThat(Duration.between(slots.get(i - 1), slots.get(i))).as(target.getKey() + " after "
                        + slots.get(i - 1) + ": every one-second slot is decided, none twice")
                        .isEqualTo(Duration.ofSeconds(1));
            }
            total += slots.size();
        }
        assertThat(total).isGreaterThanOrEqualTo(RUNS);
        // How many slots are skipped depends on how fast the agent answers on a loaded machine; every target ran some.
        assertThat(issued).extracting(RunBackup::targetId).containsAll(slotsByTarget.keySet());
    }

    private static List<String> decided() {
        List<String> ids = SchedulerKafka.read(broker, Topics.COMMANDS_POSTGRES.name(), RunBackup.class).stream()
                .map(RunBackup::commandId).collect(Collectors.toCollection(ArrayList::new));
        SchedulerKafka.read(broker, Topics.SCHEDULE_EVENTS.name(), RunSkipped.class).stream()
                .map(RunSkipped::commandId).forEach(ids::add);
        return ids;
    }

    private static DefinePolicy policy(String targetId) {
        PolicySpec spec = new PolicySpec(targetId, Engine.POSTGRES, "secret://lifeboat/" + targetId,
                ProtectionTier.TIER_2, List.of(new BackupSchedule(BackupType.FULL, CRON)), true, null, null, null,
                null, null, null, new Scheduling(null, MisfireHandling.FIRE_ALL, 100, Duration.ZERO),
                FailoverMode.MANUAL);
        return new DefinePolicy(UUID.randomUUID().toString(), spec, "ops:test", null, 1);
    }

    private static boolean hasActiveTasks(KafkaStreams streams) {
        return streams.state() == KafkaStreams.State.RUNNING && streams.metadataForLocalThreads().stream()
                .mapToInt((ThreadMetadata thread) -> thread.activeTasks().size()).sum() > 0;
    }

    private static KafkaStreams start(String name) throws Exception {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "lifeboat-scheduler-it");
        props.put(StreamsConfig.CLIENT_ID_CONFIG, "scheduler-" + name);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("scheduler-" + name + "-").toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        props.put(StreamsConfig.consumerPrefix("session.timeout.ms"), 6000);
        SchedulerSettings settings = new SchedulerSettings(Duration.ofMillis(200), new PlannerSettings(Duration.ZERO,
                Duration.ofSeconds(60), Duration.ofHours(6), Duration.ofHours(24), "scheduler-service"),
                Duration.ofSeconds(60), true);
        KafkaStreams streams = new KafkaStreams(SchedulerTopology.build(settings), props);
        streams.start();
        return streams;
    }
}
