package io.lifeboat.agent.pg.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The pg-agent's own configuration, {@code lifeboat.pg.*}: the PostgreSQL targets it may back up, by target id. */
@ConfigMapping(prefix = "lifeboat.pg")
public interface PgConfig {

    /** The targets by id: {@code lifeboat.pg.targets.<id>.*}; none by default. */
    Map<String, Target> targets();

    /** How restores run, {@code lifeboat.pg.restore.*}. */
    Restore restore();

    /** Restore settings shared by every target. */
    interface Restore {

        /** Archived WAL segments fetched and decrypted ahead of replay (16 MiB each by default). */
        @WithDefault("8")
        int walPrefetch();

        /**
         * Where verifications restore FULL backups into scratch servers (removed after each check); its
         * {@code discards/} holds the pending discards of restores with {@code discard-after}, kept across restarts.
         */
        @WithDefault("${java.io.tmpdir}/lifeboat-verify")
        Path scratchDir();

        /** How often due discards of {@code discard-after} restores are carried out (also once at start). */
        @WithDefault("30s")
        Duration discardCheck();
    }

    /** What all targets' change capture shares: {@code lifeboat.pg.cdc.*}. */
    Cdc cdc();

    /** Settings of change capture that are not per target. */
    interface Cdc {

        /** Directory of the engines' offset files, one {@code <target>.offsets} each; kept across restarts. */
        @WithDefault("${user.home}/.lifeboat/pg-cdc")
        Path offsetDir();
    }

    /** One PostgreSQL server (and the database its logical backups read). */
    interface Target {

        /** Host name or address of the server. */
        String host();

        /** TCP port of the server. */
        @WithDefault("5432")
        int port();

        /** The database a connection opens and a logical backup reads; one database per target. */
        @WithDefault("postgres")
        String database();

        /** Role to connect as; physical backups need the REPLICATION attribute. */
        String user();

        /** The password itself; prefer {@link #passwordEnv()} so that it stays out of configuration files. */
        Optional<String> password();

        /** Name of an environment variable of the agent that holds the password. */
        Optional<String> passwordEnv();

        /** Directory of pg_basebackup and pg_dump; their major version must be at least the server's. */
        @WithDefault("/usr/lib/postgresql/15/bin")
        Path binDir();

        /** OS account the client tools run as (via runuser) when the agent runs as root; empty = the agent's own. */
        Optional<String> osUser();

        /** Whether the agent streams this target's WAL into the store continuously (needs the REPLICATION role). */
        @WithDefault("false")
        boolean continuousArchiving();

        /** Physical replication slot of the WAL archiver; empty = {@code lifeboat_<id>} with other characters as _. */
        Optional<String> slot();

        /** Change capture of this target with the Debezium engine: {@code targets.<id>.change-capture.*}. */
        ChangeCapture changeCapture();
    }

    /** Logical decoding of one target (pgoutput): the newest commit on the source and an optional change feed. */
    interface ChangeCapture {

        /** Whether the agent runs a Debezium engine for this target; when false, a slot left by it is dropped. */
        @WithDefault("false")
        boolean enabled();

        /** Whether each row change is published to {@code lifeboat.changes.<id>}. */
        @WithDefault("false")
        boolean changeFeed();

        /** Logical replication slot; empty = {@code lifeboat_cdc_<id>} with other characters as _. */
        Optional<String> slot();

        /** Publication; empty = {@code lifeboat_<id>} with other characters as _. */
        Optional<String> publication();

        /**
         * Tables as {@code schema.table} ({@code public} when no schema is given); the publication then contains
         * only these. Empty = every table, which needs a superuser to create the publication.
         */
        Optional<List<String>> tables();

        /** How long the engine waits for new changes before it looks again; the default adds ~16 ms at most. */
        @WithDefault("10ms")
        Duration pollInterval();
    }
}
