package io.lifeboat.agent.pg.engine;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lifeboat.agentkit.agent.BackupEngine;

/**
 * A logical backup of the target's database: {@code pg_dump -Fc} streamed into the artifact, reading a snapshot this
 * engine exported first, so that the table count in the metadata describes exactly the data in the artifact.
 */
final class PgDumpEngine {

    private static final String TABLES = "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
            + " where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')"
            + " and n.nspname not like 'pg_toast%'";

    private PgDumpEngine() {
    }

    static Map<String, Object> backup(PgTarget target, OutputStream out) throws Exception {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("database", target.database());
        metadata.put("format", "pg_dump-custom");
        metadata.put("pgDumpVersion", version(target));
        // The exporting transaction must stay open until pg_dump has imported the snapshot: it spans the whole dump.
        try (Connection connection = PgSql.connect(target)) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            String snapshot = PgSql.text(connection, "select pg_export_snapshot()");
            metadata.put("serverVersion", PgSql.text(connection, "show server_version"));
            metadata.put("tableCount", PgSql.number(connection, TABLES));
            metadata.put(BackupEngine.CONSISTENT_AT, transactionStart(connection));
            new PgTool(target, "pg_dump", List.of("-h", target.host(), "-p", String.valueOf(target.port()), "-U",
                    target.user(), "-d", target.database(), "-Fc", "--snapshot=" + snapshot, "--no-password"))
                    .streamTo(out);
            connection.rollback();
        }
        return metadata;
    }

    private static String version(PgTarget target) throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        new PgTool(target, "pg_dump", List.of("--version")).streamTo(text);
        return text.toString(StandardCharsets.UTF_8).trim();
    }

    /** When the snapshot was taken: the repeatable-read transaction's start. */
    private static String transactionStart(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select now()")) {
            rows.next();
            return rows.getTimestamp(1).toInstant().toString();
        }
    }
}
