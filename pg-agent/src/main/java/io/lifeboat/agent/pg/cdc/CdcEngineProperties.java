package io.lifeboat.agent.pg.cdc;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import io.lifeboat.agent.pg.config.PgConfig;
import io.lifeboat.agent.pg.engine.PgTarget;

/** Builds the Debezium engine and PostgreSQL connector properties of one target's change capture. */
final class CdcEngineProperties {

    /** Heartbeat interval: see {@link #of}. */
    static final long HEARTBEAT_MS = 10_000;

    private CdcEngineProperties() {
    }

    /** The properties for {@code target}; offsets go to {@code <offsetDir>/<target>.offsets}. */
    static Properties of(PgTarget target, PgConfig.ChangeCapture capture, Path offsetDir) {
        Properties props = new Properties();
        props.setProperty("name", "lifeboat-cdc-" + target.id());
        props.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        props.setProperty("plugin.name", "pgoutput");
        props.setProperty("database.hostname", target.host());
        props.setProperty("database.port", String.valueOf(target.port()));
        props.setProperty("database.dbname", target.database());
        props.setProperty("database.user", target.user());
        props.setProperty("database.password", target.password().orElse(""));
        props.setProperty("topic.prefix", CdcNames.topicPrefix(target.id()));
        props.setProperty("slot.name", CdcNames.slot(target.id(), capture));
        props.setProperty("publication.name", CdcNames.publication(target.id(), capture));
        // CdcPublications creates the publication (so that it can be told apart and dropped later); Debezium only
        // checks that it exists.
        props.setProperty("publication.autocreate.mode", "disabled");
        List<String> tables = CdcNames.tables(capture);
        if (!tables.isEmpty()) {
            props.setProperty("table.include.list", String.join(",",
                    tables.stream().map(t -> t.replace(".", "\\.")).toList()));
        }
        // Live changes only: the tables' current content is what backups are for.
        props.setProperty("snapshot.mode", "no_data");
        props.setProperty("poll.interval.ms", String.valueOf(Math.max(1, capture.pollInterval().toMillis())));
        // The slot must follow the server even while the captured tables are idle, or the server keeps all WAL
        // written since their last change (writes to other tables, other databases, checkpoints). PostgreSQL 15 no
        // longer sends the empty transactions of other tables; what arrives are keepalives. "connector_and_driver"
        // lets PgJDBC confirm a keepalive's position when every received change was already confirmed, and
        // heartbeats make Debezium commit its offset regularly without changes.
        props.setProperty("lsn.flush.mode", "connector_and_driver");
        props.setProperty("heartbeat.interval.ms", String.valueOf(HEARTBEAT_MS));
        props.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
        props.setProperty("offset.storage.file.filename", offsetDir.resolve(target.id() + ".offsets").toString());
        // Offsets are written after every batch the consumer finished, i.e. after Kafka acknowledged it.
        props.setProperty("offset.flush.interval.ms", "0");
        props.setProperty("converter.schemas.enable", "false");
        // One event per change: no extra null-valued record after a delete.
        props.setProperty("tombstones.on.delete", "false");
        // Numbers as text rather than base64 bytes, since the JSON carries no schema to decode them.
        props.setProperty("decimal.handling.mode", "string");
        return props;
    }
}
