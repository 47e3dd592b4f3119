package io.lifeboat.events.policy;

import io.lifeboat.events.Require;
import io.lifeboat.events.backup.BackupType;

/**
 * When the scheduler asks for one kind of backup of a target.
 *
 * @param backupType kind of backup the schedule triggers
 * @param cron cron expression in the policy's time zone (UTC by default): Unix (five fields, e.g.
 *        {@code 0 2 * * *}) or Quartz (six or seven fields, seconds first)
 */
public record BackupSchedule(BackupType backupType, String cron) {

    /**
     * Validates type and expression presence; the scheduler parses the expression.
     */
    public BackupSchedule {
        Require.nonNull(backupType, "BackupSchedule.backupType");
        Require.nonBlank(cron, "BackupSchedule.cron");
    }
}
