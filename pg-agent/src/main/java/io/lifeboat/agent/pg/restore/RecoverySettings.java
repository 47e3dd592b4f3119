package io.lifeboat.agent.pg.restore;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.lifeboat.events.backup.RestoreBackup;

/**
 * The settings a restore appends to the restored cluster's {@code postgresql.auto.conf}: where the server listens,
 * no archiving of its own (a restored copy must never write into the source's archive), and for log replay the
 * {@code restore_command}, the recovery target and promotion at the end.
 */
final class RecoverySettings {

    /** Keys reset after promotion, so that the promoted cluster carries no recovery settings. */
    static final List<String> RECOVERY_KEYS = List.of("restore_command", "recovery_target_timeline",
            "recovery_target_time", "recovery_target_lsn", "recovery_target_xid", "recovery_target_name",
            "recovery_target_inclusive", "recovery_target_action");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSx")
            .withZone(ZoneOffset.UTC);

    private RecoverySettings() {
    }

    /** The lines for one restore; {@code restoreCommand} is null when no archived WAL is replayed. */
    static List<String> lines(RestoreBackup command, String restoreCommand, int port, boolean keepRunning) {
        List<String> lines = new ArrayList<>();
        lines.add("# Lifeboat restore of command " + command.commandId() + " (later lines win)");
        lines.add(setting("port", Integer.toString(port)));
        lines.add(setting("unix_socket_directories", "/tmp"));
        if (!keepRunning) {
            lines.add(setting("listen_addresses", "localhost"));
        }
        lines.add(setting("archive_mode", "off"));
        lines.add(setting("primary_conninfo", ""));
        lines.add(setting("primary_slot_name", ""));
        if (restoreCommand == null) {
            return lines;
        }
        lines.add(setting("restore_command", restoreCommand));
        lines.add(setting("recovery_target_timeline", "latest"));
        if (command.pointInTime() != null) {
            lines.add(setting("recovery_target_time", TIME.format(command.pointInTime())));
        } else if (command.targetPosition() != null) {
            lines.add(setting("recovery_target_lsn", command.targetPosition()));
        } else if (command.targetTransaction() != null) {
            lines.add(setting("recovery_target_xid", command.targetTransaction()));
        } else if (command.targetName() != null) {
            lines.add(setting("recovery_target_name", command.targetName()));
        }
        if (command.targetInclusive() != null) {
            lines.add(setting("recovery_target_inclusive", command.targetInclusive().toString()));
        }
        lines.add(setting("recovery_target_action", "promote"));
        return lines;
    }

    /** {@code key = 'value'} with single quotes doubled, as postgresql.conf quotes them. */
    static String setting(String key, String value) {
        return key + " = '" + value.replace("'", "''") + "'";
    }
}
