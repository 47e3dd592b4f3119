package io.lifeboat.scheduler.streams;

import static io.lifeboat.scheduler.streams.TestPolicies.define;
import static io.lifeboat.scheduler.streams.TestPolicies.spec;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.lifeboat.events.Topics;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.dr.StartDrill;
import io.lifeboat.events.policy.BackupSchedule;
import io.lifeboat.events.policy.MisfireHandling;
import io.lifeboat.events.policy.Scheduling;
import io.lifeboat.events.schedule.RunSkipped;

/**
 * The scheduler runs for half an hour, is down for three hours, and comes back: one wall-clock step of three hours is
 * exactly what its punctuator sees after a restart, the schedule state being what the changelog restored.
 */
class MisfireAfterOutageTest {

    private static final Instant START = Instant.parse("2026-11-21T00:00:30Z");
    private static final Instant BACK = Instant.parse("2026-11-21T03:32:00Z");
    private static final String POSTGRES = Topics.COMMANDS_POSTGRES.name();
    private static final String DRILLS = Topics.DR_COMMANDS.name();
    private static final String SKIPPED = Topics.SCHEDULE_EVENTS.name();

    private final SchedulerDriver driver = new SchedulerDriver(START, Duration.ZERO);

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void fireOnceIssuesOneBackupForTheNewestMissedTime() {
        driver.send(backupsEvery15Minutes(null));
        runThenGoDown();

        driver.jump(Duration.between(driver.now(), BACK));

        assertThat(driver.read(POSTGRES, RunBackup.class)).extracting(RunBackup::scheduledFor)
                .containsExactly(Instant.parse("2026-11-21T03:30:00Z"));
        assertThat(driver.read(SKIPPED, RunSkipped.class)).isEmpty();
    }

    @Test
    void skipIssuesNothingAndReportsTheMissedTimes() {
        driver.send(backupsEvery15Minutes(MisfireHandling.SKIP));
        runThenGoDown();

        driver.jump(Duration.between(driver.now(), BACK));

        assertThat(driver.read(POSTGRES, RunBackup.class)).isEmpty();
        assertThat(driver.read(SKIPPED, RunSkipped.class)).singleElement().satisfies(skipped -> {
            assertThat(skipped.scheduledFor()).isEqualTo(Instant.parse("2026-11-21T03:30:00Z"));
            // 00:45 .. 03:30 passed while the scheduler was down.
            assertThat(skipped.reason()).startsWith("12 run(s)").contains("SKIP");
        });

        driver.runUntil(Instant.parse("2026-11-21T03:45:30Z"));
        assertThat(driver.read(POSTGRES, RunBackup.class)).extracting(RunBackup::scheduledFor)
                .containsExactly(Instant.parse("2026-11-21T03:45:00Z"));
    }

    @Test
    void fireAllIssuesTheNewestMissedDrillsUpToItsCapAndReportsTheRest() {
        driver.send(define(spec("orders-db", List.of(), null, "*/15 * * * *",
                new Scheduling(null, MisfireHandling.FIRE_ALL, 5, null))));
        driver.runUntil(Instant.parse("2026-11-21T00:31:00Z"));
        assertThat(driver.read(DRILLS, StartDrill.class)).hasSize(2);

        driver.jump(Duration.between(driver.now(), BACK));

        List<StartDrill> drills = driver.read(DRILLS, StartDrill.class);
        assertThat(drills).hasSize(5).extracting(StartDrill::commandId).doesNotHaveDuplicates();
        assertThat(driver.read(SKIPPED, RunSkipped.class)).singleElement().satisfies(skipped -> {
            assertThat(skipped.scheduledFor()).isEqualTo(Instant.parse("2026-11-21T02:15:00Z"));
            assertThat(skipped.reason()).startsWith("7 run(s)").contains("only the newest 5");
        });
    }

    @Test
    void aBackupMissedByLessThanTheGraceStillRunsUnderSkip() {
        driver.send(backupsEvery15Minutes(MisfireHandling.SKIP));
        runThenGoDown();

        driver.jump(Duration.between(driver.now(), Instant.parse("2026-11-21T00:45:40Z")));

        assertThat(driver.read(POSTGRES, RunBackup.class)).extracting(RunBackup::scheduledFor)
                .containsExactly(Instant.parse("2026-11-21T00:45:00Z"));
    }

    private void runThenGoDown() {
        // Each backup completes within a minute, so none blocks the next.
        for (String until : List.of("2026-11-21T00:16:00Z", "2026-11-21T00:31:00Z")) {
            driver.runUntil(Instant.parse(until));
            for (RunBackup run : driver.read(POSTGRES, RunBackup.class)) {
                String backupId = "b-" + run.scheduledFor().getEpochSecond();
                driver.send(TestPolicies.started("orders-db", run.commandId(), backupId, run.scheduledFor()));
                driver.send(TestPolicies.completed("orders-db", run.commandId(), backupId, run.scheduledFor(),
                        driver.now()));
            }
        }
        assertThat(driver.state("orders-db").getLastSlots()).containsValue(Instant.parse("2026-11-21T00:30:00Z"));
    }

    private static io.lifeboat.events.policy.DefinePolicy backupsEvery15Minutes(MisfireHandling handling) {
        return define(spec("orders-db", List.of(new BackupSchedule(BackupType.FULL, "*/15 * * * *")), null, null,
                handling == null ? null : new Scheduling(null, handling, null, null)));
    }
}
