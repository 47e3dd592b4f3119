package io.lifeboat.scheduler.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.policy.BackupSchedule;
import io.lifeboat.events.policy.MisfireHandling;
import io.lifeboat.events.policy.Scheduling;

/** The warnings of {@link PolicyRules#check}: accepted policies that are likely mistakes. */
class PolicyRulesWarningsTest {

    @Test
    void warnsThatATargetWithoutScheduleOrArchivingIsNeverBackedUp() {
        SpecBuilder spec = SpecBuilder.postgres().schedules();
        spec.continuousArchiving = false;

        PolicyCheck check = PolicyRules.check(spec.build());

        assertThat(check.ok()).isTrue();
        assertThat(warnings(check)).containsExactly(
                "schedules: no backup schedule and no continuous archiving: the target is never backed up");
    }

    @Test
    void warnsWhenTheRpoIsShorterThanTheLongestGapBetweenBackupsWithoutArchiving() {
        SpecBuilder spec = SpecBuilder.postgres();
        spec.continuousArchiving = null;

        assertThat(warnings(PolicyRules.check(spec.build()))).containsExactly("rpo: rpo PT5M is shorter than the"
                + " longest gap between scheduled backups (PT24H) and continuousArchiving is off: the RPO will be"
                + " breached between backups");
    }

    @Test
    void measuresTheLongestGapOverEveryBackupScheduleMerged() {
        SpecBuilder spec = SpecBuilder.of(Engine.FILESYSTEM, BackupType.FULL).schedules(
                new BackupSchedule(BackupType.FULL, "0 0 * * 0"),
                new BackupSchedule(BackupType.INCREMENTAL, "0 6,12,18 * * *"));
        spec.rpo = Duration.ofHours(6);

        // Runs at 06, 12, 18 daily and 00:00 on Sundays: the night gap from 18:00 to 06:00 is the longest.
        assertThat(warnings(PolicyRules.check(spec.build()))).singleElement().asString()
                .contains("(PT12H)");
        spec.rpo = Duration.ofHours(12);
        assertThat(PolicyRules.check(spec.build()).warnings()).isEmpty();
    }

    @Test
    void warnsOfAMisfireCapWithoutFireAll() {
        SpecBuilder spec = SpecBuilder.postgres();
        spec.scheduling = new Scheduling(null, MisfireHandling.SKIP, 5, null);

        assertThat(warnings(PolicyRules.check(spec.build()))).containsExactly(
                "scheduling.misfireCap: is set to 5 but misfire is SKIP: only FIRE_ALL uses the cap");
        spec.scheduling = new Scheduling(null, MisfireHandling.FIRE_ALL, 5, null);
        assertThat(PolicyRules.check(spec.build()).warnings()).isEmpty();
    }

    @Test
    void warnsOfAStaggerWindowWiderThanTheShortestGapOfASchedule() {
        SpecBuilder spec = SpecBuilder.postgres().schedules(new BackupSchedule(BackupType.FULL, "*/15 * * * *"));
        spec.scheduling = new Scheduling("Europe/Berlin", null, null, Duration.ofMinutes(20));

        assertThat(warnings(PolicyRules.check(spec.build()))).containsExactly("scheduling.staggerWindow: stagger"
                + " window PT20M is wider than the shortest gap between runs of schedules[0] (PT15M): a run may be"
                + " shifted past the next scheduled one");
        spec.scheduling = new Scheduling("Europe/Berlin", null, null, Duration.ofMinutes(15));
        assertThat(PolicyRules.check(spec.build()).warnings()).isEmpty();
    }

    private static List<String> warnings(PolicyCheck check) {
        return check.warnings().stream().map(PolicyProblem::toString).toList();
    }
}
