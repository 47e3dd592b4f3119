package io.lifeboat.agentkit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lifeboat.agentkit.storage.LocalObjectStore;
import io.lifeboat.agentkit.storage.WriteOptions;

/** Cutting the stored stream into parts at exact boundaries. */
class PartWriterTest {

    @TempDir
    Path root;

    @Test
    void writesNoEmptyPartWhenTheStreamEndsOnAPartBoundary() throws IOException {
        byte[] data = TestData.noise(2 << 20, 31);
        try (LocalObjectStore store = new LocalObjectStore(root)) {
            PartWriter writer = new PartWriter(store, new PartWriter.PartKeys() {
                @Override
                public String part(int number) {
                    return "t/b/data/part-" + number;
                }

                @Override
                public String describe() {
                    return "backup 'b' of target 't'";
                }
            }, WriteOptions.HOT, PipelineScenario.SETTINGS);
            writer.write(data, 0, 100);
            writer.write(data, 100, data.length - 100);
            writer.close();

            assertThat(writer.parts()).extracting(Manifest.Part::size).containsExactly(1L << 20, 1L << 20);
            assertThat(store.list("t/b/data/")).hasSize(2);
            byte[] first = sha256(Arrays.copyOfRange(data, 0, 1 << 20));
            byte[] second = sha256(Arrays.copyOfRange(data, 1 << 20, 2 << 20));
            assertThat(writer.parts()).extracting(Manifest.Part::sha256)
                    .containsExactly(HexFormat.of().formatHex(first), HexFormat.of().formatHex(second));
            assertThat(writer.wholeSha256()).isEqualTo(HexFormat.of().formatHex(sha256(concat(first, second))));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return RoundTripContract.concat(a, b);
    }

    private static byte[] sha256(byte[] data) {
        MessageDigest digest = Digests.sha256();
        return digest.digest(data);
    }
}
