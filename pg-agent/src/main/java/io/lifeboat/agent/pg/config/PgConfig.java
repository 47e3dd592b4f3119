package io.lifeboat.agent.pg.config;

import java.nio.file.Path;
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

        /** Where verifications restore FULL backups into scratch servers; removed after each check. */
        @WithDefault("${java.io.tmpdir}/lifeboat-verify")
        Path scratchDir();
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
    }
}
