package io.lifeboat.agent.pg.engine;

import java.io.OutputStream;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lifeboat.agentkit.agent.BackupEngine;

/**
 * A full physical backup: {@code pg_basebackup -D - -Ft -Xf} streamed as one tar (data directory, the WAL needed to
 * make it consistent, and {@code backup_manifest}) into the artifact, with LSNs read from the stream as it passes.
 */
final class PgBaseBackupEngine {

    private static final String EXTRA_TABLESPACES = "select count(*) from pg_tablespace"
            + " where spcname not in ('pg_default', 'pg_global')";

    private PgBaseBackupEngine() {
    }

    static Map<String, Object> backup(PgTarget target, String backupId, OutputStream out) throws Exception {
        Map<String, Object> metadata = new LinkedHashMap<>();
        try (Connection connection = PgSql.connect(target)) {
            long tablespaces = PgSql.number(connection, EXTRA_TABLESPACES);
            if (tablespaces > 0) {
                throw new IllegalStateException(target.describe() + " has " + tablespaces + " tablespace(s) besides"
                        + " pg_default and pg_global; a streamed base backup (pg_basebackup -D - -Ft) holds the main"
                        + " data directory only, so the pg-agent cannot back it up yet: move their objects into"
                        + " pg_default (ALTER TABLE|INDEX|DATABASE ... SET TABLESPACE pg_default) and drop them, or"
                        + " use LOGICAL backups of this target until multi-tablespace support lands");
            }
            metadata.put("serverVersion", PgSql.text(connection, "show server_version"));
            metadata.put("databaseSizeBytes",
                    PgSql.number(connection, "select sum(pg_database_size(oid)) from pg_database"));
            metadata.put("tablespaceCount", 2 + tablespaces);
        }
        BaseBackupTarTap tap = new BaseBackupTarTap(out);
        new PgTool(target, "pg_basebackup", List.of("-h", target.host(), "-p", String.valueOf(target.port()), "-U",
                target.user(), "-D", "-", "-Ft", "-Xf", "--checkpoint=fast", "--label=" + backupId, "--no-password"))
                .streamTo(tap);
        tap.flush();
        BaseBackupInfo info = BaseBackupInfo.parse(tap.label(), tap.manifestTail());
        if (!backupId.equals(info.label())) {
            throw new IllegalStateException("the base backup of " + target.describe() + " carries label '"
                    + info.label() + "' instead of '" + backupId + "'");
        }
        metadata.put(BackupEngine.START_POSITION, info.startLsn());
        metadata.put(BackupEngine.END_POSITION, info.stopLsn());
        metadata.put("startLsn", info.startLsn());
        metadata.put("stopLsn", info.stopLsn());
        metadata.put("timeline", info.timeline());
        metadata.put("backupLabel", info.label());
        metadata.put("startTime", info.startTime());
        metadata.put("format", "tar");
        metadata.put("walIncluded", true);
        metadata.put("tarEntries", tap.entries());
        return metadata;
    }
}
