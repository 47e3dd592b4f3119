package io.lifeboat.testkit.redis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How a {@link RedisServer} is started: which redis-server binary, extra redis.conf lines and how long to wait.
 *
 * @param serverBinary the redis-server program; null to use LIFEBOAT_REDIS_SERVER or /usr/bin/redis-server
 * @param config extra redis.conf lines (for example {@code "repl-diskless-sync-delay 0"}), after the fixture's own
 * @param startTimeout how long to wait for the server to answer PING
 */
public record RedisOptions(Path serverBinary, List<String> config, Duration startTimeout) {

    public RedisOptions {
        config = List.copyOf(config);
    }

    /** Debian's redis-server, no extra config, 30 s start timeout. */
    public static RedisOptions defaults() {
        return new RedisOptions(null, List.of(), Duration.ofSeconds(30));
    }

    public RedisOptions withServerBinary(Path newServerBinary) {
        return new RedisOptions(newServerBinary, config, startTimeout);
    }

    /** Adds redis.conf lines such as {@code "requirepass s3cret"}; later lines win. */
    public RedisOptions withConfig(String... lines) {
        List<String> all = new ArrayList<>(config);
        all.addAll(List.of(lines));
        return new RedisOptions(serverBinary, all, startTimeout);
    }

    public RedisOptions withStartTimeout(Duration newStartTimeout) {
        return new RedisOptions(serverBinary, config, newStartTimeout);
    }
}
