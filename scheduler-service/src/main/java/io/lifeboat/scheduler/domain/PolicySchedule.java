package io.lifeboat.scheduler.domain;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.policy.BackupSchedule;
import io.lifeboat.events.policy.PolicyDefined;
import io.lifeboat.events.schedule.ScheduledCommand;

/**
 * One schedule of a policy with its parsed cron: a backup schedule, the verification schedule or the drill schedule.
 *
 * @param key stable key of the schedule within the policy: {@code backup:<TYPE>:<cron>}, {@code verify:<cron>} or
 *        {@code drill:<cron>}; part of every run id, so a changed cron is a new schedule
 * @param command kind of command a due run issues
 * @param backupType kind of backup, for a backup schedule; null otherwise
 * @param cron the parsed expression in the policy's time zone
 */
public record PolicySchedule(String key, ScheduledCommand command, BackupType backupType, CronSchedule cron) {

    /**
     * Parses every schedule of a policy, backups first.
     *
     * @param policy the policy in force
     * @return its schedules; empty when it has none
     * @throws IllegalArgumentException when an expression or the time zone is invalid
     */
    public static List<PolicySchedule> of(PolicyDefined policy) {
        String zoneId = policy.schedulingOrDefault().timeZone();
        ZoneId zone = zoneId == null ? ZoneOffset.UTC : ZoneId.of(zoneId);
        List<PolicySchedule> schedules = new ArrayList<>();
        for (BackupSchedule backup : policy.schedules()) {
            String cron = backup.cron().trim();
            schedules.add(new PolicySchedule("backup:" + backup.backupType() + ":" + cron, ScheduledCommand.RUN_BACKUP,
                    backup.backupType(), CronSchedule.parse(cron, zone)));
        }
        if (policy.verificationCron() != null) {
            String cron = policy.verificationCron().trim();
            schedules.add(new PolicySchedule("verify:" + cron, ScheduledCommand.VERIFY_BACKUP, null,
                    CronSchedule.parse(cron, zone)));
        }
        if (policy.drillCron() != null) {
            String cron = policy.drillCron().trim();
            schedules.add(new PolicySchedule("drill:" + cron, ScheduledCommand.START_DRILL, null,
                    CronSchedule.parse(cron, zone)));
        }
        return schedules;
    }
}
