package io.lifeboat.agentkit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lifeboat.agentkit.storage.LocalObjectStore;
import io.lifeboat.agentkit.storage.ObjectStore;

/** The round trips against the local directory driver, plus a look at the files themselves. */
class LocalRoundTripTest extends RoundTripContract {

    @TempDir
    Path root;

    @Override
    ObjectStore openStore() throws IOException {
        return new LocalObjectStore(root);
    }

    @Test
    void keepsNoPlaintextInAnyFileOfTheStoreDirectory() throws IOException {
        byte[] marker = "LOCAL-FILE-MARKER-91c2".getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[1_500_000];
        for (int offset = 0; offset + marker.length <= data.length; offset += 700) {
            System.arraycopy(marker, 0, data, offset, marker.length);
        }

        write("files", data);

        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(2);
        for (Path file : files) {
            assertThat(TestData.contains(Files.readAllBytes(file), marker)).as("marker in %s", file).isFalse();
        }
    }
}
