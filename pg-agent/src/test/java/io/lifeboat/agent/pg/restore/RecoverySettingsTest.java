package io.lifeboat.agent.pg.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.RestoreBackup;

class RecoverySettingsTest {

    @Test
    void aTimeTargetPromotesAtTheTargetAndNeverArchives() {
        RestoreBackup command = restore(Instant.parse("2026-11-21T09:41:59.123456Z"), null, null, false);

        List<String> lines = RecoverySettings.lines(command, "/spool/restore_wal.sh %f %p", 5544, false);

        assertThat(lines).contains("port = '5544'", "archive_mode = 'off'", "listen_addresses = 'localhost'",
                "restore_command = '/spool/restore_wal.sh %f %p'", "recovery_target_timeline = 'latest'",
                "recovery_target_time = '2026-11-21 09:41:59.123456+00'", "recovery_target_action = 'promote'",
                "recovery_target_inclusive = 'false'");
    }

    @Test
    void withoutReplayThereIsNoRecoveryTargetAndKeepRunningKeepsTheListenAddresses() {
        List<String> lines = RecoverySettings.lines(restore(null, null, null, null), null, 6000, true);

        assertThat(lines).noneMatch(line -> line.startsWith("restore_command") || line.startsWith("recovery_target")
                || line.startsWith("listen_addresses"));
    }

    @Test
    void aNamedPointIsQuotedTheWayPostgresqlConfQuotes() {
        List<String> lines = RecoverySettings.lines(restore(null, null, "before-'migration'", null), "cmd", 1, false);

        assertThat(lines).contains("recovery_target_name = 'before-''migration'''");
    }

    private static RestoreBackup restore(Instant time, String lsn, String name, Boolean inclusive) {
        return new RestoreBackup("c-1", "orders", Engine.POSTGRES, "bk-1", time, lsn, null, name, null, inclusive,
                "/srv/x", false, "test", null, 1);
    }
}
