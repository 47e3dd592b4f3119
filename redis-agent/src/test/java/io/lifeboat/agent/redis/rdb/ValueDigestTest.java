package io.lifeboat.agent.redis.rdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ValueDigestTest {

    @Test
    void hashTableSetsDigestTheSameWhateverTheOrderOfTheirMembers() {
        byte[] one = payload(RdbKeyReader.TYPE_SET, "apple", "pear", "fig");
        byte[] other = payload(RdbKeyReader.TYPE_SET, "fig", "apple", "pear");

        assertThat(ValueDigest.of(one, 0)).isEqualTo(ValueDigest.of(other, 0));
        assertThat(ValueDigest.of(one, 0)).isNotEqualTo(ValueDigest.of(payload(RdbKeyReader.TYPE_SET, "apple",
                "pear", "plum"), 0));
    }

    @Test
    void hashTableHashesPairFieldsWithTheirValues() {
        byte[] one = payload(RdbKeyReader.TYPE_HASH, "f1", "v1", "f2", "v2");
        byte[] reordered = payload(RdbKeyReader.TYPE_HASH, "f2", "v2", "f1", "v1");
        byte[] swapped = payload(RdbKeyReader.TYPE_HASH, "f1", "v2", "f2", "v1");

        assertThat(ValueDigest.of(one, 0)).isEqualTo(ValueDigest.of(reordered, 0));
        assertThat(ValueDigest.of(one, 0)).isNotEqualTo(ValueDigest.of(swapped, 0));
    }

    @Test
    void integerEncodedMembersDigestAsTheirDecimalText() {
        byte[] text = payload(RdbKeyReader.TYPE_SET, "7", "-300");
        // 0xc0 = int8 7, 0xc1 = int16 -300 (little-endian 0xfed4).
        byte[] encoded = {RdbKeyReader.TYPE_SET, 2, (byte) 0xc1, (byte) 0xd4, (byte) 0xfe, (byte) 0xc0, 7};

        assertThat(ValueDigest.of(encoded, 0)).isEqualTo(ValueDigest.of(text, 0));
    }

    @Test
    void otherTypesDigestTheirBytesAndIgnoreTheTrailer() {
        byte[] a = {0, 3, 'a', 'b', 'c', 10, 0, 1, 2, 3, 4, 5, 6, 7, 8};
        byte[] b = {0, 3, 'a', 'b', 'c', 11, 0, 9, 9, 9, 9, 9, 9, 9, 9};

        assertThat(ValueDigest.of(a, 10)).isEqualTo(ValueDigest.of(b, 10));
        assertThat(ValueDigest.of(a, 10)).isNotEqualTo(ValueDigest.of(new byte[]{0, 3, 'a', 'b', 'd', 10, 0, 1, 2,
                3, 4, 5, 6, 7, 8}, 10));
    }

    private static byte[] payload(int type, String... elements) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(type);
        out.write(type == RdbKeyReader.TYPE_HASH ? elements.length / 2 : elements.length);
        for (String element : elements) {
            byte[] bytes = element.getBytes(StandardCharsets.UTF_8);
            out.write(bytes.length);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
