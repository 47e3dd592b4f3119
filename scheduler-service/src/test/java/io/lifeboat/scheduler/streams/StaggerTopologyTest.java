package io.lifeboat.scheduler.streams;

import static io.lifeboat.scheduler.streams.TestPolicies.define;
import static io.lifeboat.scheduler.streams.TestPolicies.spec;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.lifeboat.events.Topics;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.policy.BackupSchedule;
import io.lifeboat.events.policy.Scheduling;

class StaggerTopologyTest {

    private static final Instant START = Instant.parse("2026-11-21T01:59:00Z");
    private static final Instant SLOT = Instant.parse("2026-11-21T02:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);

    private final SchedulerDriver driver = new SchedulerDriver(START, Duration.ZERO);

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void spreadsHundredTargetsOnTheSameCronOverTheWindow() {
        for (int i = 0; i < 100; i++) {
            driver.send(define(spec(String.format("db-%03d", i), List.of(new BackupSchedule(BackupType.FULL,
                    "0 2 * * *")), null, null, new Scheduling(null, null, null, WINDOW))));
        }

        driver.runUntil(SLOT.plus(WINDOW).plusSeconds(2));

        Map<RunBackup, Instant> runs = driver.readTimed(Topics.COMMANDS_POSTGRES.name(), RunBackup.class);
        assertThat(runs.keySet()).hasSize(100).allSatisfy(run -> assertThat(run.scheduledFor()).isEqualTo(SLOT))
                .extracting(RunBackup::targetId).doesNotHaveDuplicates();
        assertThat(runs.values()).allSatisfy(
                issued -> assertThat(issued).isAfterOrEqualTo(SLOT).isBefore(SLOT.plus(WINDOW).plusSeconds(2)));
        // Ten buckets of one minute: uniform offsets put about ten targets in each, none empty or crowded.
        Map<Long, Integer> perMinute = new TreeMap<>();
        runs.values().forEach(issued -> perMinute.merge(Duration.between(SLOT, issued).toMinutes(), 1, Integer::sum));
        assertThat(perMinute).containsOnlyKeys(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L)
                .allSatisfy((minute, count) -> assertThat(count).as("targets in minute %d", minute).isBetween(3, 20));
        assertThat(runs.values().stream().distinct().count()).as("distinct issue seconds").isGreaterThan(60);
    }

    @Test
    void aFrequentScheduleIsNeverPushedIntoItsNextSlot() {
        driver.send(define(spec("cache-1", List.of(new BackupSchedule(BackupType.FULL, "*/2 * * * *")), null, null,
                new Scheduling(null, null, null, WINDOW))));

        driver.runUntil(Instant.parse("2026-11-21T02:10:00Z"));

        Map<RunBackup, Instant> runs = driver.readTimed(Topics.COMMANDS_POSTGRES.name(), RunBackup.class);
        assertThat(runs).isNotEmpty().allSatisfy((run, issued) -> assertThat(issued)
                .isBefore(run.scheduledFor().plus(Duration.ofMinutes(1)).plusSeconds(1)));
    }
}
