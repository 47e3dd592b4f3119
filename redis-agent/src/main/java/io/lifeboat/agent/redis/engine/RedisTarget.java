package io.lifeboat.agent.redis.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.lifeboat.agent.redis.replication.ReplicationSource;
import io.lifeboat.agent.redis.replication.SyncCommand;

/**
 * One Redis server as the agent reaches it, its password resolved.
 *
 * @param id the target id
 * @param host host name or address
 * @param port TCP port
 * @param user ACL user, or null for the default user
 * @param password the password, or null for none
 * @param mode how the RDB is obtained
 * @param syncCommand SYNC or PSYNC (replication mode)
 * @param connectTimeout TCP connect timeout
 * @param readTimeout the longest wait for any byte
 * @param rdbFile the file BGSAVE writes (bgsave mode); empty = ask the server
 * @param bgsaveTimeout how long BGSAVE may take (bgsave mode)
 */
public record RedisTarget(String id, String host, int port, String user, String password, SnapshotMode mode,
        SyncCommand syncCommand, Duration connectTimeout, Duration readTimeout, Optional<Path> rdbFile,
        Duration bgsaveTimeout) {

    /** A target with default timeouts, replication mode and PSYNC (tests, tools). */
    public static RedisTarget of(String id, String host, int port, String password) {
        return new RedisTarget(id, host, port, null, password, SnapshotMode.REPLICATION, SyncCommand.PSYNC,
                Duration.ofSeconds(10), Duration.ofSeconds(60), Optional.empty(), Duration.ofHours(1));
    }

    /** {@code host:port}. */
    public String address() {
        return host + ":" + port;
    }

    /** {@code target 'id' (host:port)}, as messages name the target. */
    public String describe() {
        return "target '" + id + "' (redis " + address() + ")";
    }

    /** The replication-protocol view of this target. */
    public ReplicationSource replicationSource() {
        return new ReplicationSource(host, port, user, password, syncCommand, connectTimeout, readTimeout);
    }

    public RedisTarget withMode(SnapshotMode newMode) {
        return new RedisTarget(id, host, port, user, password, newMode, syncCommand, connectTimeout, readTimeout,
                rdbFile, bgsaveTimeout);
    }

    @Override
    public String toString() {
        // Never print the password.
        return "RedisTarget[" + id + ", " + address() + (user == null ? "" : ", user " + user) + ", " + mode + "]";
    }
}
