package io.lifeboat.agent.fs.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChunkIdTest {

    private static final String HEX = "00ff102030405060708090a0b0c0d0e0f0010203040506070809aabbccddeeff";

    @Test
    void parsesAndPrintsTheSameHex() {
        ChunkId id = ChunkId.parse(HEX);

        assertThat(id.hex()).isEqualTo(HEX);
        assertThat(ChunkId.of(id.bytes())).isEqualTo(id).hasSameHashCodeAs(id);
    }

    @Test
    void ordersLikeItsHexUnsigned() {
        ChunkId low = ChunkId.parse("7f" + HEX.substring(2));
        ChunkId high = ChunkId.parse("80" + HEX.substring(2));

        assertThat(low).isLessThan(high);
        assertThat(high.compareTo(low)).isPositive();
        assertThat(low.compareTo(ChunkId.parse(low.hex()))).isZero();
    }

    @Test
    void refusesTextThatIsNotSixtyFourHexDigits() {
        assertThatThrownBy(() -> ChunkId.parse("abc")).hasMessageContaining("chunk id 'abc'");
        assertThatThrownBy(() -> ChunkId.parse("zz" + HEX.substring(2))).hasMessageContaining("64 hex digits");
    }
}
