package io.lifeboat.scheduler.streams;

import static io.lifeboat.scheduler.streams.TestPolicies.completed;
import static io.lifeboat.scheduler.streams.TestPolicies.define;
import static io.lifeboat.scheduler.streams.TestPolicies.fullBackups;
import static io.lifeboat.scheduler.streams.TestPolicies.spec;
import static io.lifeboat.scheduler.streams.TestPolicies.started;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.lifeboat.events.Engine;
import io.lifeboat.events.Topics;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.backup.VerifyBackup;
import io.lifeboat.events.deadletter.DeadLetterHeaders;
import io.lifeboat.events.dr.StartDrill;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.policy.BackupSchedule;
import io.lifeboat.events.policy.DefinePolicy;
import io.lifeboat.events.policy.PolicyDefined;
import io.lifeboat.events.policy.PolicySpec;
import io.lifeboat.events.policy.ProtectionTier;
import io.lifeboat.events.policy.RemovePolicy;
import io.lifeboat.events.schedule.RunSkipped;
import io.lifeboat.events.schedule.ScheduledCommand;
import io.lifeboat.scheduler.domain.RunIds;

class SchedulerTopologyTest {

    private static final Instant START = Instant.parse("2026-11-21T01:58:00Z");
    private static final String POLICIES = Topics.POLICIES.name();
    private static final String POSTGRES = Topics.COMMANDS_POSTGRES.name();
    private static final String SKIPPED = Topics.SCHEDULE_EVENTS.name();

    private final SchedulerDriver driver = new SchedulerDriver(START, Duration.ZERO);

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void publishesAValidPolicyOnceNamingTheCommandAndTheRequester() {
        DefinePolicy define = fullBackups("orders-db", "0 2 * * *");
        driver.send(define);
        driver.send(define);
        driver.send(new DefinePolicy("another-command", define.policy(), "ops:other", null, 1));

        List<PolicyDefined> published = driver.read(POLICIES, PolicyDefined.class);
        assertThat(published).singleElement().satisfies(policy -> {
            assertThat(policy.commandId()).isEqualTo(define.commandId());
            assertThat(policy.definedBy()).isEqualTo("ops:test");
            assertThat(policy.definedAt()).isEqualTo(START);
        });
    }

    @Test
    void sendsARecordThatIsNotAnEventToTheDeadLetterTopicAndGoesOn() {
        driver.sendRaw(Topics.POLICY_COMMANDS.name(), "orders-db", "{not json".getBytes(StandardCharsets.UTF_8));
        driver.send(fullBackups("orders-db", "0 2 * * *"));

        assertThat(driver.raw(Topics.DEADLETTER.name())).singleElement().satisfies(dead -> assertThat(
                new String(dead.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
                .isNotBlank());
        assertThat(driver.read(POLICIES, PolicyDefined.class)).hasSize(1);
    }

    @Test
    void deadLettersARecordWithoutValueOnItsCommandTopicAndGoesOn() {
        driver.sendRaw(Topics.POLICY_COMMANDS.name(), "orders-db", null);
        driver.send(fullBackups("orders-db", "0 2 * * *"));

        assertThat(driver.raw(Topics.DEADLETTER.name())).singleElement().satisfies(dead -> assertThat(
                new String(dead.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
                .contains("no value"));
        assertThat(driver.read(POLICIES, PolicyDefined.class)).hasSize(1);
    }

    @Test
    void deadLettersAPolicyThatBreaksTheRulesWithEveryProblemInTheReason() {
        PolicySpec wrong = new PolicySpec("orders-db", Engine.POSTGRES, null, ProtectionTier.TIER_1,
                List.of(new BackupSchedule(BackupType.SNAPSHOT, "61 * * * *")), true, null, null, null, null, null,
                null, null, null);
        driver.send(define(wrong));

        assertThat(driver.read(POLICIES, PolicyDefined.class)).isEmpty();
        assertThat(driver.raw(Topics.DEADLETTER.name())).singleElement().satisfies(dead -> assertThat(
                new String(dead.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
                .contains("orders-db").contains("connectionRef").contains("schedules[0].cron")
                .contains("schedules[0].backupType"));
        assertThat(driver.state("orders-db")).isNull();
    }

    @Test
    void issuesAFullBackupAtItsTimeWithTheIdOfItsSlot() {
        driver.send(fullBackups("orders-db", "0 2 * * *"));
        driver.runUntil(Instant.parse("2026-11-21T01:59:59Z"));
        assertThat(driver.read(POSTGRES, RunBackup.class)).isEmpty();

        driver.runUntil(Instant.parse("2026-11-21T02:00:01Z"));

        Instant slot = Instant.parse("2026-11-21T02:00:00Z");
        assertThat(driver.read(POSTGRES, RunBackup.class)).singleElement().satisfies(run -> {
            assertThat(run.commandId()).isEqualTo(RunIds.of("orders-db", "backup:FULL:0 2 * * *", slot));
            assertThat(run.backupType()).isEqualTo(BackupType.FULL);
            assertThat(run.scheduledFor()).isEqualTo(slot);
            assertThat(run.requestedBy()).isEqualTo("scheduler-service");
            assertThat(run.deadline()).isEqualTo(driver.now().minusSeconds(1).plus(Duration.ofDays(1)));
        });
    }

    @Test
    void followsAChangedScheduleFromItsNextTimeWithoutARestart() {
        driver.send(fullBackups("orders-db", "0 * * * *"));
        driver.runUntil(Instant.parse("2026-11-21T02:00:30Z"));
        RunBackup hourly = driver.read(POSTGRES, RunBackup.class).get(0);
        driver.send(completed("orders-db", hourly.commandId(), "b-0200", hourly.scheduledFor(), driver.now()));

        driver.send(fullBackups("orders-db", "*/5 * * * *"));
        driver.runUntil(Instant.parse("2026-11-21T02:16:00Z"));

        List<RunBackup> runs = driver.read(POSTGRES, RunBackup.class);
        assertThat(runs).extracting(RunBackup::scheduledFor).first()
                .isEqualTo(Instant.parse("2026-11-21T02:05:00Z"));
        assertThat(driver.read(POLICIES, PolicyDefined.class)).extracting(p -> p.schedules().get(0).cron())
                .containsExactly("0 * * * *", "*/5 * * * *");
    }

    @Test
    void skipsABackupWhileThePreviousOneIsRunningAndSaysWhich() {
        driver.send(fullBackups("orders-db", "0 * * * *"));
        driver.runUntil(Instant.parse("2026-11-21T02:00:30Z"));
        RunBackup first = driver.read(POSTGRES, RunBackup.class).get(0);
        driver.send(started("orders-db", first.commandId(), "b-0200", driver.now()));

        driver.runUntil(Instant.parse("2026-11-21T03:00:30Z"));

        assertThat(driver.read(POSTGRES, RunBackup.class)).isEmpty();
        assertThat(driver.read(SKIPPED, RunSkipped.class)).singleElement().satisfies(skipped -> {
            assertThat(skipped.command()).isEqualTo(ScheduledCommand.RUN_BACKUP);
            assertThat(skipped.scheduledFor()).isEqualTo(Instant.parse("2026-11-21T03:00:00Z"));
            assertThat(skipped.blockingCommandId()).isEqualTo(first.commandId());
            assertThat(skipped.reason()).contains("b-0200").contains("still running");
        });

        driver.send(completed("orders-db", first.commandId(), "b-0200", Instant.parse("2026-11-21T02:00:01Z"),
                driver.now()));
        driver.runUntil(Instant.parse("2026-11-21T04:00:30Z"));
        assertThat(driver.read(POSTGRES, RunBackup.class)).extracting(RunBackup::scheduledFor)
                .containsExactly(Instant.parse("2026-11-21T04:00:00Z"));
    }

    @Test
    void aBackupAnotherSystemStartedAlsoBlocksTheScheduledOne() {
        driver.send(fullBackups("orders-db", "0 2 * * *"));
        driver.send(started("orders-db", "pre-migration-42", "b-manual", START));

        driver.runUntil(Instant.parse("2026-11-21T02:00:30Z"));

        assertThat(driver.read(POSTGRES, RunBackup.class)).isEmpty();
        assertThat(driver.read(SKIPPED, RunSkipped.class)).extracting(RunSkipped::blockingCommandId)
                .containsExactly("pre-migration-42");
    }

    @Test
    void anIssuedBackupNobodyStartedStopsBlockingAtItsDeadline() {
        driver.send(fullBackups("orders-db", "*/10 * * * *"));
        driver.runUntil(Instant.parse("2026-11-21T02:00:30Z"));
        assertThat(driver.read(POSTGRES, RunBackup.class)).hasSize(1);

        // The agent never answers; the deadline of the 02:00 run is ten minutes after it was issued.
        driver.runUntil(Instant.parse("2026-11-21T02:10:05Z"));
        assertThat(driver.read(POSTGRES, RunBackup.class)).isEmpty();
        assertThat(driver.read(SKIPPED, RunSkipped.class)).singleElement()
                .satisfies(skipped -> assertThat(skipped.reason()).contains("has not started yet"));

        driver.runUntil(Instant.parse("2026-11-21T02:20:30Z"));
        assertThat(driver.read(POSTGRES, RunBackup.class)).extracting(RunBackup::scheduledFor)
                .containsExactly(Instant.parse("2026-11-21T02:20:00Z"));
    }

    @Test
    void verifiesABackupOfTheLast24HoursOrRecordsThatThereIsNone() {
        driver.send(define(spec("orders-db", List.of(), "0 3 * * *", null, null)));
        driver.send(
                completedFor("orders-db", Instant.parse("2026-11-20T01:00:00Z"), START.minus(Duration.ofHours(25))));
        driver.runUntil(Instant.parse("2026-11-21T03:00:05Z"));
        assertThat(driver.read(POSTGRES, VerifyBackup.class)).isEmpty();
        assertThat(driver.read(SKIPPED, RunSkipped.class)).singleElement()
                .satisfies(skipped -> assertThat(skipped.reason()).contains("last 24 h"));

        driver.send(completedFor("orders-db", Instant.parse("2026-11-21T10:00:00Z"), driver.now()));
        driver.send(completedFor("orders-db", Instant.parse("2026-11-21T11:00:00Z"), driver.now()));
        driver.jump(Duration.ofHours(24));

        assertThat(driver.read(POSTGRES, VerifyBackup.class)).singleElement()
                .satisfies(verify -> assertThat(verify.backupId()).isIn("b-20261121T100000Z", "b-20261121T110000Z"));
    }

    @Test
    void startsATraceForEveryCommandItPlans() {
        driver.send(define(spec("orders-db", List.of(new BackupSchedule(BackupType.FULL, "0 2 * * *")), "0 3 * * *",
                "0 2 1 * *", null)));
        driver.send(completedFor("orders-db", Instant.parse("2026-11-21T01:00:00Z"), START));
        driver.jump(Duration.ofHours(24));
        driver.jump(Duration.ofDays(10));

        List<Envelope<?>> planned = new ArrayList<>(driver.envelopes(POSTGRES));
        planned.addAll(driver.envelopes(Topics.DR_COMMANDS.name()));
        assertThat(planned).extracting(envelope -> envelope.payload().getClass().getSimpleName())
                .contains("RunBackup", "VerifyBackup", "StartDrill");
        assertThat(planned).allSatisfy(command -> assertThat(command.trace()).isNotNull());
        assertThat(planned).extracting(command -> command.trace().traceId()).doesNotHaveDuplicates();
    }

    @Test
    void issuesADrillOnItsSchedule() {
        driver.send(define(spec("orders-db", List.of(), null, "0 2 1 * *", null)));
        driver.jump(Duration.ofDays(11));

        assertThat(driver.read(Topics.DR_COMMANDS.name(), StartDrill.class)).singleElement()
                .satisfies(drill -> assertThat(drill.commandId())
                        .isEqualTo(RunIds.of("orders-db", "drill:0 2 1 * *", Instant.parse("2026-12-01T02:00:00Z"))));
    }

    @Test
    void removingAPolicyWritesATombstoneAndStopsItsSchedule() {
        driver.send(fullBackups("orders-db", "0 2 * * *"));
        driver.send(new RemovePolicy("remove-1", "orders-db", "ops:test", null, 1));
        driver.runUntil(Instant.parse("2026-11-21T02:00:30Z"));

        assertThat(driver.raw(POLICIES)).hasSize(2).last().satisfies(record -> assertThat(record.value()).isNull());
        assertThat(driver.read(POSTGRES, RunBackup.class)).isEmpty();
        assertThat(driver.state("orders-db").getPolicy()).isNull();
    }

    @Test
    void keepsTheSchedulePositionOfAnUnchangedScheduleWhenAnotherOneChanges() {
        driver.send(define(spec("orders-db", List.of(new BackupSchedule(BackupType.FULL, "0 2 * * *")), null, null,
                null)));
        driver.runUntil(Instant.parse("2026-11-21T02:00:30Z"));
        assertThat(driver.read(POSTGRES, RunBackup.class)).hasSize(1);
        Instant position = driver.state("orders-db").getLastSlots().get("backup:FULL:0 2 * * *");

        driver.send(define(spec("orders-db", List.of(new BackupSchedule(BackupType.FULL, "0 2 * * *"),
                new BackupSchedule(BackupType.LOGICAL, "0 */6 * * *")), null, null, null)));

        assertThat(driver.state("orders-db").getLastSlots()).containsEntry("backup:FULL:0 2 * * *", position)
                .containsEntry("backup:LOGICAL:0 */6 * * *", driver.now());
    }

    private static io.lifeboat.events.backup.BackupCompleted completedFor(String targetId, Instant slot,
            Instant completedAt) {
        String backupId = "b-" + slot.toString().replace("-", "").replace(":", "");
        return completed(targetId, "cmd-" + backupId, backupId, slot, completedAt);
    }
}
