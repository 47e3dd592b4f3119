package io.lifeboat.agent.pg.cdc;

import java.util.List;
import java.util.Locale;

import io.lifeboat.agent.pg.config.PgConfig;

/** Names that change capture derives from a target id: slot, publication, change feed topic and table names. */
public final class CdcNames {

    /** PostgreSQL's longest identifier (NAMEDATALEN - 1). */
    static final int MAX_LENGTH = 63;
    /** The change feed topic of a target is this prefix followed by the target id. */
    public static final String TOPIC_PREFIX = "lifeboat.changes.";

    private CdcNames() {
    }

    /** The configured slot, or {@code lifeboat_cdc_<id>} with the same rule as the WAL archiver's slot. */
    public static String slot(String targetId, PgConfig.ChangeCapture capture) {
        return capture.slot().orElseGet(() -> identifier("lifeboat_cdc_", targetId));
    }

    /** The configured publication, or {@code lifeboat_<id>} in lower case with other characters as _. */
    public static String publication(String targetId, PgConfig.ChangeCapture capture) {
        return capture.publication().orElseGet(() -> identifier("lifeboat_", targetId));
    }

    /** {@code lifeboat.changes.<targetId>}. */
    public static String topic(String targetId) {
        return TOPIC_PREFIX + targetId;
    }

    /** The configured tables as {@code schema.table}: a name without a schema is in {@code public}. */
    public static List<String> tables(PgConfig.ChangeCapture capture) {
        return capture.tables().orElse(List.of()).stream().map(String::trim).filter(t -> !t.isEmpty())
                .map(t -> t.contains(".") ? t : "public." + t).toList();
    }

    /** {@code "schema"."table"} for SQL; quotes inside a name are doubled. */
    static String quotedTable(String qualified) {
        int dot = qualified.indexOf('.');
        return quoted(qualified.substring(0, dot)) + "." + quoted(qualified.substring(dot + 1));
    }

    /** A double-quoted SQL identifier. */
    static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** Debezium's {@code topic.prefix}: letters, digits, '.', '_' and '-' only. */
    static String topicPrefix(String targetId) {
        return "lifeboat." + targetId.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String identifier(String prefix, String targetId) {
        String name = prefix + targetId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) : name;
    }
}
