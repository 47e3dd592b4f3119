package io.lifeboat.testkit.redis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class RedisBinaryTest {

    @Test
    void namesThePathAndTheAptPackageWhenRedisServerIsMissing() {
        Path missing = Path.of("/nonexistent/redis-server");

        assertThatThrownBy(() -> RedisServer.start(RedisOptions.defaults().withServerBinary(missing)))
                .hasMessage("Redis server binary not found at /nonexistent/redis-server (set by"
                        + " RedisOptions.serverBinary): install it with 'apt-get install -y redis-server' or set"
                        + " LIFEBOAT_REDIS_SERVER");
    }
}
