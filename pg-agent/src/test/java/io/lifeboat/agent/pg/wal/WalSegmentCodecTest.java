package io.lifeboat.agent.pg.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lifeboat.agent.pg.wal.WalSegmentCodec.SegmentKey;
import io.lifeboat.agentkit.crypto.LocalKeyFileMasterKey;
import io.lifeboat.agentkit.crypto.MasterKey;

class WalSegmentCodecTest {

    private static final String SEGMENT = "000000010000000000000003";

    @Test
    void decodesWhatItEncodedAndStoresNoPlaintext(@TempDir Path dir) throws Exception {
        MasterKey key = LocalKeyFileMasterKey.openOrCreate(dir.resolve("k"));
        byte[] raw = "wal bytes with a marker-1234 inside ".repeat(1000).getBytes(StandardCharsets.US_ASCII);
        byte[] stored = encode(key, SEGMENT, raw);

        assertThat(WalSegmentCodec.decode(key, "t", "00000001", SEGMENT, new ByteArrayInputStream(stored)))
                .isEqualTo(raw);
        assertThat(WalArchiverIT.indexOf(stored, "marker-1234".getBytes(StandardCharsets.US_ASCII))).isNegative();
    }

    @Test
    void refusesAPartialPresentedAsTheFullSegment(@TempDir Path dir) throws Exception {
        MasterKey key = LocalKeyFileMasterKey.openOrCreate(dir.resolve("k"));
        byte[] stored = encode(key, SEGMENT + WalStore.PARTIAL_SUFFIX, new byte[4096]);

        assertThatThrownBy(() -> WalSegmentCodec.decode(key, "t", "00000001", SEGMENT,
                new ByteArrayInputStream(stored))).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void namesTheObjectWhenAStoredByteChanged(@TempDir Path dir) throws Exception {
        MasterKey key = LocalKeyFileMasterKey.openOrCreate(dir.resolve("k"));
        byte[] stored = encode(key, SEGMENT, new byte[4096]);
        byte[] tampered = Arrays.copyOf(stored, stored.length);
        tampered[tampered.length - 5] ^= 1;

        assertThatThrownBy(() -> WalSegmentCodec.decode(key, "t", "00000001", SEGMENT,
                new ByteArrayInputStream(tampered))).hasMessageContaining(SEGMENT)
                .hasMessageContaining("SHA-256 of its body does not match");
    }

    @Test
    void namesSegmentsLikePostgres() {
        long size = 16L << 20;
        assertThat(WalSegments.fileName(1, 3, size)).isEqualTo(SEGMENT);
        assertThat(WalSegments.fileName(2, 256, size)).isEqualTo("000000020000000100000000");
        assertThat(WalSegments.segmentNumber("000000020000000100000000", size)).isEqualTo(256);
    }

    private static byte[] encode(MasterKey key, String objectName, byte[] raw) throws Exception {
        SegmentKey segmentKey = SegmentKey.generate(key, "t", "00000001", SEGMENT);
        return WalSegmentCodec.encode(segmentKey, "t", "00000001", objectName, raw, raw.length);
    }
}
