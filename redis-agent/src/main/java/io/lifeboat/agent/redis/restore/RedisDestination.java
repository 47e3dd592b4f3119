package io.lifeboat.agent.redis.restore;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

import io.lifeboat.agentkit.agent.DestinationOptions;

/**
 * Where a restore goes, parsed from {@code RestoreBackup.destination}:
 * <ul>
 * <li>{@code /abs/dir[?port=N&bind=ADDR]}: a fresh instance's directory; the RDB becomes {@code dump.rdb} there and,
 * with a port, a redis-server is started on it (daemonised, left running);</li>
 * <li>{@code target:<id>}: the running server of a configured target (its credentials), restored key by key;</li>
 * <li>{@code redis://host:port}: a running server without a password, restored key by key.</li>
 * </ul>
 */
public sealed interface RedisDestination {

    /** A directory for a fresh instance. */
    record DataDir(Path dir, Integer port, String bind) implements RedisDestination {

        /** Whether a server is to be started on the restored file. */
        public boolean starts() {
            return port != null;
        }
    }

    /** A configured target's running server. */
    record Target(String targetId) implements RedisDestination {
    }

    /** A running server reached without credentials. */
    record Address(String host, int port) implements RedisDestination {
    }

    /** Parses {@code destination}; fails with a message that names it and shows the accepted forms. */
    static RedisDestination parse(String destination) {
        if (destination.startsWith("target:")) {
            String id = destination.substring("target:".length());
            if (id.isBlank()) {
                throw invalid(destination, "no target id after 'target:'");
            }
            return new Target(id);
        }
        if (destination.startsWith("redis://")) {
            try {
                URI uri = new URI(destination);
                if (uri.getHost() == null || uri.getUserInfo() != null) {
                    throw invalid(destination, uri.getUserInfo() != null
                            ? "credentials do not belong in a destination; use target:<id>"
                            : "no host");
                }
                return new Address(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort());
            } catch (URISyntaxException e) {
                throw invalid(destination, e.getMessage());
            }
        }
        try {
            DestinationOptions parsed = DestinationOptions.parse(destination);
            if (!parsed.location().startsWith("/")) {
                throw invalid(destination, "not an absolute directory, target:<id> or redis://host:port");
            }
            Integer port = parsed.takePort().orElse(null);
            String bind = parsed.take("bind").orElse("127.0.0.1");
            parsed.requireAllTaken("port, bind");
            return new DataDir(Path.of(parsed.location()).normalize(), port, bind);
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("restore destination") ? e : invalid(destination, e.getMessage());
        }
    }

    private static IllegalArgumentException invalid(String destination, String why) {
        return new IllegalArgumentException("restore destination '" + destination + "' is invalid: " + why
                + " (accepted: /abs/dir[?port=N&bind=ADDR], target:<id>, redis://host:port)");
    }
}
