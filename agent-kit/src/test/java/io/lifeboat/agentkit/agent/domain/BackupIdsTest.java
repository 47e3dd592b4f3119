package io.lifeboat.agentkit.agent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.RunBackup;

class BackupIdsTest {

    private static RunBackup command(String target, String commandId, int attempt) {
        return new RunBackup(commandId, target, Engine.POSTGRES, BackupType.FULL, "test", null, null, attempt);
    }

    @Test
    void givesARedeliveredCommandTheSameBackupId() {
        assertThat(BackupIds.backupId(command("orders", "cmd-1", 1)))
                .isEqualTo(BackupIds.backupId(command("orders", "cmd-1", 1)))
                .matches("bk-[0-9a-f]{24}");
    }

    @Test
    void givesAnotherCommandAnotherAttemptOrAnotherTargetAnotherBackupId() {
        String first = BackupIds.backupId(command("orders", "cmd-1", 1));

        assertThat(BackupIds.backupId(command("orders", "cmd-2", 1))).isNotEqualTo(first);
        assertThat(BackupIds.backupId(command("orders", "cmd-1", 2))).isNotEqualTo(first);
        assertThat(BackupIds.backupId(command("billing", "cmd-1", 1))).isNotEqualTo(first);
    }

    @Test
    void derivesOutcomeEventIdsFromTheBackupId() {
        assertThat(BackupIds.completedEventId("bk-1")).isEqualTo("bk-1.completed");
        assertThat(BackupIds.failedEventId("bk-1")).isEqualTo("bk-1.failed");
    }
}
