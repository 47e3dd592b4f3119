package io.lifeboat.testkit.redis;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the redis-server program: the options, else {@code LIFEBOAT_REDIS_SERVER}, else Debian's path. */
final class RedisBinary {

    static final String ENV = "LIFEBOAT_REDIS_SERVER";
    static final Path DEBIAN = Path.of("/usr/bin/redis-server");

    private RedisBinary() {
    }

    static Path locate(RedisOptions options) {
        if (options.serverBinary() != null) {
            return checked(options.serverBinary(), " (set by RedisOptions.serverBinary)");
        }
        String override = System.getenv(ENV);
        if (override != null && !override.isBlank()) {
            return checked(Path.of(override), " (set by " + ENV + ")");
        }
        return checked(DEBIAN, "");
    }

    static Path checked(Path binary, String origin) {
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("Redis server binary not found at " + binary + origin
                    + ": install it with 'apt-get install -y redis-server' or set " + ENV);
        }
        return binary;
    }
}
