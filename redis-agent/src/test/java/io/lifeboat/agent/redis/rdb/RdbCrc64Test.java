package io.lifeboat.agent.redis.rdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RdbCrc64Test {

    @Test
    void matchesTheCrc64JonesCheckValueForTheStandardInput() {
        assertThat(Crc64.of("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0xe9c6d914c4b8d9caL);
    }

    @Test
    void isZeroForNoBytes() {
        assertThat(Crc64.of(new byte[0])).isZero();
    }

    @Test
    void givesTheSameValueWhenBytesArriveOneAtATimeOrInPieces() {
        byte[] data = new byte[10_000];
        new Random(7).nextBytes(data);
        Crc64 single = new Crc64();
        for (byte b : data) {
            single.update(b);
        }
        Crc64 pieces = new Crc64();
        pieces.update(data, 0, 3);
        pieces.update(data, 3, 4000);
        pieces.update(data, 4003, data.length - 4003);

        assertThat(single.value()).isEqualTo(Crc64.of(data)).isEqualTo(pieces.value());
    }

    @Test
    void changesWhenOneBitOfTheInputChanges() {
        byte[] data = "123456789".getBytes(StandardCharsets.US_ASCII);
        data[4] ^= 1;
        assertThat(Crc64.of(data)).isNotEqualTo(0xe9c6d914c4b8d9caL);
    }
}
