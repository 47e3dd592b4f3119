package io.lifeboat.cli.ops;

import static io.lifeboat.cli.ops.InProcess.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lifeboat.cli.ops.InProcess.Run;
import io.lifeboat.events.Topics;
import io.lifeboat.events.dr.ApproveRun;
import io.lifeboat.events.dr.RestoreScenario;
import io.lifeboat.events.dr.StartDrill;
import io.lifeboat.events.dr.StartRestore;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.testkit.kafka.KafkaBroker;
import io.lifeboat.testkit.process.FreePorts;

/** The DR verbs publish decodable CloudEvents, keyed by target id, to lifeboat.dr.commands on a real broker. */
class DrCommandsIT {

    private static KafkaBroker broker;
    // Nothing listens here: the verbs go on without checking the target, as they must when the catalog is down.
    private static final String NO_CATALOG = "http://127.0.0.1:" + FreePorts.find();

    /** What one run of the command printed and returned. */
    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start();
        broker.createTopic(Topics.DR_COMMANDS.name(), 1, false);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static Envelope<?> published(String commandId) {
        List<ConsumerRecord<String, byte[]>> records = broker.readCommitted(Topics.DR_COMMANDS.name(),
                Duration.ofSeconds(30));
        EventCodec codec = new EventCodec();
        ConsumerRecord<String, byte[]> record = records.stream()
                .filter(r -> codec.decode(r).payload() instanceof io.lifeboat.events.Command c
                        && c.commandId().equals(commandId))
                .findFirst().orElseThrow(() -> new AssertionError("no command " + commandId + " in " + records));
        Envelope<?> envelope = codec.decode(record);
        assertThat(record.key()).isEqualTo(envelope.payload().targetId());
        return envelope;
    }

    @Test
    void drillPublishesStartDrillKeyedByTargetAndPrintsTheRunId() {
        Run run = run("drill", "orders-db", "--id", "c-drill", "--as", "jane", "--bootstrap",
                broker.bootstrapServers(), "--catalog", NO_CATALOG);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("drill-c-drill\n");
        Envelope<?> envelope = published("c-drill");
        assertThat(envelope.type()).startsWith("io.lifeboat.dr.start-drill");
        assertThat(envelope.source().toString()).isEqualTo("urn:lifeboat:lifeboat-cli");
        StartDrill drill = (StartDrill) envelope.payload();
        assertThat(List.of(drill.targetId(), drill.requestedBy())).containsExactly("orders-db", "jane");
        assertThat(drill.backupId()).isNull();
        assertThat(drill.deadline()).isAfter(Instant.now());
    }

    @Test
    void restoreAtPublishesAPointInTimeStartRestoreWithDestinationAndDryRun() {
        Run run = run("restore", "orders-db", "--at", "2026-11-21T10:41:59+01:00", "--into",
                "/srv/pg/restores/x?port=5544", "--dry-run", "--reason", "bad deploy", "--id", "c-restore", "--as",
                "jane", "--bootstrap", broker.bootstrapServers(), "--catalog", NO_CATALOG);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("restore-c-restore\n");
        assertThat(run.err()).contains("target 'orders-db' not checked: catalog not reachable at " + NO_CATALOG);
        StartRestore restore = (StartRestore) published("c-restore").payload();
        assertThat(restore).isEqualTo(new StartRestore("c-restore", "orders-db", RestoreScenario.POINT_IN_TIME,
                Instant.parse("2026-11-21T09:41:59Z"), null, "/srv/pg/restores/x?port=5544", true, "jane",
                "bad deploy", restore.deadline(), 1));
    }

    @Test
    void failoverApprovePublishesApproveRunOfTheCutoverStep() {
        Run run = run("failover", "orders-db", "--approve", "restore-c-restore", "--id", "c-approve", "--as",
                "jane", "--json", "--bootstrap", broker.bootstrapServers(), "--catalog", NO_CATALOG);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"runId\" : \"restore-c-restore\"").contains("\"command\" : \"ApproveRun\"")
                .contains("\"topic\" : \"lifeboat.dr.commands\"");
        Envelope<?> envelope = published("c-approve");
        assertThat(envelope.type()).startsWith("io.lifeboat.dr.approve-run");
        ApproveRun approval = (ApproveRun) envelope.payload();
        assertThat(approval).isEqualTo(new ApproveRun("c-approve", "orders-db", "restore-c-restore", "cutover", true,
                null, "jane", approval.deadline(), 1));
    }

    @Test
    void failoverRejectPublishesARefusalWithItsReason() {
        Run run = run("failover", "orders-db", "--approve", "failover-c-1", "--reject", "--reason",
                "false alarm",
                "--id", "c-reject", "--as", "jane", "--bootstrap", broker.bootstrapServers(), "--catalog",
                NO_CATALOG);

        assertThat(run.exit()).as(run.err()).isZero();
        ApproveRun refusal = (ApproveRun) published("c-reject").payload();
        assertThat(List.of(refusal.stepId(), refusal.approved(), refusal.reason()))
                .containsExactly("check-quorum", false, "false alarm");
    }

    @Test
    void saysHowToReachKafkaWhenNothingListensThere() {
        Run run = run("failover", "orders-db", "--bootstrap", "127.0.0.1:" + FreePorts.find(), "--catalog",
                NO_CATALOG);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("unable to publish StartFailover for target 'orders-db' to "
                + "lifeboat.dr.commands").contains("pass --bootstrap HOST:PORT");
    }
}
