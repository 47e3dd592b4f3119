package io.lifeboat.agent.redis.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class RedisDestinationTest {

    @Test
    void aDirectoryWithAPortStartsAServerOnLoopbackByDefault() {
        RedisDestination.DataDir dir = (RedisDestination.DataDir) RedisDestination
                .parse("/srv/redis/../restore?port=6390");

        assertThat(dir.dir()).isEqualTo(Path.of("/srv/restore"));
        assertThat(dir.port()).isEqualTo(6390);
        assertThat(dir.bind()).isEqualTo("127.0.0.1");
        assertThat(dir.starts()).isTrue();
    }

    @Test
    void aDirectoryWithoutAPortOnlyReceivesTheFile() {
        RedisDestination.DataDir dir = (RedisDestination.DataDir) RedisDestination.parse("/srv/restore");

        assertThat(dir.starts()).isFalse();
    }

    @Test
    void targetsAndAddressesNameRunningServers() {
        assertThat(RedisDestination.parse("target:cache")).isEqualTo(new RedisDestination.Target("cache"));
        assertThat(RedisDestination.parse("redis://10.0.0.5:6380"))
                .isEqualTo(new RedisDestination.Address("10.0.0.5", 6380));
        assertThat(RedisDestination.parse("redis://cache.internal"))
                .isEqualTo(new RedisDestination.Address("cache.internal", 6379));
    }

    @Test
    void badDestinationsAreRefusedWithTheAcceptedForms() {
        assertThatThrownBy(() -> RedisDestination.parse("relative/dir")).hasMessageContaining("relative/dir")
                .hasMessageContaining("target:<id>");
        assertThatThrownBy(() -> RedisDestination.parse("redis://user:secret@host:6379"))
                .hasMessageContaining("credentials do not belong");
        assertThatThrownBy(() -> RedisDestination.parse("/srv/x?port=99999"))
                .hasMessageContaining("port must be a number from 1 to 65535");
        assertThatThrownBy(() -> RedisDestination.parse("/srv/x?keep=1"))
                .hasMessageContaining("unknown options [keep] (port, bind)");
        assertThatThrownBy(() -> RedisDestination.parse("target:")).hasMessageContaining("no target id");
    }
}
