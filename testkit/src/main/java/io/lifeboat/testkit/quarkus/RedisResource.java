package io.lifeboat.testkit.quarkus;

import java.util.Map;

import io.lifeboat.testkit.redis.RedisServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at the JVM's shared {@link RedisServer}: the Quarkus Redis client and the
 * {@code lifeboat.redis.*} keys a redis-agent reads. Use with {@code @QuarkusTestResource(RedisResource.class)}.
 */
public class RedisResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return config(RedisServer.shared());
    }

    /** The config keys for {@code server}; public so that the local stack can hand the same keys to services. */
    public static Map<String, String> config(RedisServer server) {
        return Map.of(
                "quarkus.redis.hosts", server.uri(),
                "lifeboat.redis.uri", server.uri(),
                "lifeboat.redis.host", server.host(),
                "lifeboat.redis.port", String.valueOf(server.port()),
                "lifeboat.redis.dir", server.dir().toString());
    }

    /** The shared server outlives one test class; it is stopped at JVM exit. */
    @Override
    public void stop() {
    }
}
