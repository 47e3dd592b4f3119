package io.lifeboat.agent.redis.replication;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to fetch an RDB over the replication protocol: address, optional credentials, the sync command
 * and socket timeouts.
 *
 * @param host the source's host name or address
 * @param port the source's port
 * @param user the ACL user for {@code AUTH user password}; null for {@code AUTH password} or no AUTH
 * @param password the password; null to send no AUTH at all
 * @param syncCommand {@code SYNC} (the default) or {@code PSYNC ? -1}
 * @param connectTimeout how long to wait for the TCP connection
 * @param readTimeout how long a read may wait for any byte; the source's keep-alive newlines count as bytes
 */
public record ReplicationSource(String host, int port, String user, String password, SyncCommand syncCommand,
        Duration connectTimeout, Duration readTimeout) {

    public ReplicationSource {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(syncCommand, "syncCommand");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (user != null && password == null) {
            throw new IllegalArgumentException("a user '" + user + "' needs a password");
        }
    }

    /** No AUTH, {@code SYNC}, 10 s connect timeout, 60 s read timeout. */
    public static ReplicationSource of(String host, int port) {
        return new ReplicationSource(host, port, null, null, SyncCommand.SYNC, Duration.ofSeconds(10),
                Duration.ofSeconds(60));
    }

    public ReplicationSource withPassword(String newPassword) {
        return new ReplicationSource(host, port, user, newPassword, syncCommand, connectTimeout, readTimeout);
    }

    public ReplicationSource withUser(String newUser, String newPassword) {
        return new ReplicationSource(host, port, newUser, newPassword, syncCommand, connectTimeout, readTimeout);
    }

    public ReplicationSource withSyncCommand(SyncCommand newSyncCommand) {
        return new ReplicationSource(host, port, user, password, newSyncCommand, connectTimeout, readTimeout);
    }

    public ReplicationSource withTimeouts(Duration newConnectTimeout, Duration newReadTimeout) {
        return new ReplicationSource(host, port, user, password, syncCommand, newConnectTimeout, newReadTimeout);
    }

    /** {@code host:port}, as error messages name the server. */
    public String address() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        // Never print the password.
        return "ReplicationSource[" + address() + (user == null ? "" : ", user " + user) + ", " + syncCommand + "]";
    }
}
