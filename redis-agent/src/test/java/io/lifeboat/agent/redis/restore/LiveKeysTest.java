package io.lifeboat.agent.redis.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lifeboat.agent.redis.rdb.RdbKey;

class LiveKeysTest {

    private final LiveKeys keys = new LiveKeys();

    LiveKeysTest() {
        keys.add(key(0, "a", -1));
        keys.add(key(0, "b", 1_000));
        keys.add(key(0, "c", 5_000));
        keys.add(key(3, "d", -1));
    }

    @Test
    void keysWhoseExpiryHasPassedAreNotAlive() {
        assertThat(keys.total()).isEqualTo(Map.of(0, 3L, 3, 1L));
        assertThat(keys.aliveAt(0, 999)).isEqualTo(3);
        assertThat(keys.aliveAt(0, 1_000)).isEqualTo(2);
        assertThat(keys.aliveAt(0, 6_000)).isEqualTo(1);
    }

    @Test
    void aServerAgreesWhenItsCountsLieBetweenTheStartAndTheEndOfLoading() {
        assertThat(keys.compare(Map.of(0, 3L, 3, 1L), 500, 2_000)).isNull();
        assertThat(keys.compare(Map.of(0, 2L, 3, 1L), 500, 2_000)).isNull();
    }

    @Test
    void missingDatabasesAndWrongCountsAreNamed() {
        assertThat(keys.compare(Map.of(0, 3L), 0, 0)).isEqualTo("db3 holds 0 keys, the backup 1");
        assertThat(keys.compare(Map.of(0, 1L, 3, 1L, 7, 2L), 500, 2_000))
                .isEqualTo("db0 holds 1 keys, the backup 2-3; db7 holds 2 keys, the backup 0");
    }

    private static RdbKey key(int db, String name, long expireAt) {
        return new RdbKey(db, name.getBytes(), expireAt, 0, new byte[]{1, 'x'});
    }
}
