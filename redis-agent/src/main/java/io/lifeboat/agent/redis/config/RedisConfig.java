package io.lifeboat.agent.redis.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.lifeboat.agent.redis.engine.SnapshotMode;
import io.lifeboat.agent.redis.replication.SyncCommand;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The redis-agent's own configuration, {@code lifeboat.redis.*}: the Redis targets it may back up, by target id. */
@ConfigMapping(prefix = "lifeboat.redis")
public interface RedisConfig {

    /** The targets by id: {@code lifeboat.redis.targets.<id>.*}; none by default. */
    Map<String, Target> targets();

    /** How restores and verifications run, {@code lifeboat.redis.restore.*}. */
    Restore restore();

    /** One Redis server (standalone, or the primary or a replica of a replicated set). */
    interface Target {

        /** Host name or address of the server. */
        String host();

        /** TCP port of the server. */
        @WithDefault("6379")
        int port();

        /** ACL user for {@code AUTH user password}; empty = {@code AUTH password} (the default user). */
        Optional<String> user();

        /** The password itself; prefer {@link #passwordEnv()} so that it stays out of configuration files. */
        Optional<String> password();

        /** Name of an environment variable of the agent that holds the password. */
        Optional<String> passwordEnv();

        /**
         * How the RDB is obtained: {@code replication} (as a replica, the agent needs no access to the server's
         * disk) or {@code bgsave} (BGSAVE, then the agent reads the file: it must run beside the server).
         */
        @WithDefault("replication")
        SnapshotMode mode();

        /** {@code psync} (records the replication id and offset) or {@code sync}; replication mode only. */
        @WithDefault("psync")
        SyncCommand syncCommand();

        /** How long to wait for a TCP connection to the server. */
        @WithDefault("10s")
        Duration connectTimeout();

        /**
         * How long a read may wait for any byte of the RDB; covers the server's fork and, for disk-based
         * replication, its whole BGSAVE (keep-alive newlines count as bytes).
         */
        @WithDefault("60s")
        Duration readTimeout();

        /** bgsave mode: the RDB file to read; empty = the server's {@code dir} + {@code dbfilename} (CONFIG GET). */
        Optional<Path> rdbFile();

        /** bgsave mode: how long the server's BGSAVE may take. */
        @WithDefault("1h")
        Duration bgsaveTimeout();
    }

    /** Settings of restores and verifications shared by every target. */
    interface Restore {

        /** The redis-server program started for a restore into a fresh instance and for verifications. */
        @WithDefault("/usr/bin/redis-server")
        Path serverBinary();

        /** Where verifications load backups into scratch servers; removed after each check. */
        @WithDefault("${java.io.tmpdir}/lifeboat-redis-verify")
        Path scratchDir();

        /** RESTORE commands in flight at once when restoring key by key into a running server. */
        @WithDefault("512")
        int pipeline();

        /** How long a started server may take to load its RDB. */
        @WithDefault("5m")
        Duration loadTimeout();
    }
}
