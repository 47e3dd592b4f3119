package io.lifeboat.health.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lifeboat.events.health.ProbeObservation;
import io.lifeboat.events.health.WatchedResource;

class FilesystemProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void passesAndReportsTheDiskOfAWritableDirectoryLeavingNothingBehind() throws IOException {
        ProbeResult result = probe(dir);

        assertThat(result.observation().ok()).as(result.observation().error()).isTrue();
        assertThat(result.observation().instance()).isEqualTo(dir.toString());
        assertThat(result.usages()).singleElement().satisfies(usage -> {
            assertThat(usage.resource()).isEqualTo(WatchedResource.DISK);
            assertThat(usage.instance()).isEqualTo(dir.toString());
            assertThat(usage.used()).isBetween(0.0, 1.0);
            assertThat(usage.detail()).contains(" of ").endsWith(" used on " + dir);
        });
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void passesOnAReadableFile() throws IOException {
        Path file = Files.writeString(dir.resolve("marker"), "x");

        ProbeResult result = probe(file);

        assertThat(result.observation().ok()).as(result.observation().error()).isTrue();
        assertThat(result.usages()).hasSize(1);
    }

    @Test
    void failsNamingThePathWhenItIsMissing() {
        Path missing = dir.resolve("gone");

        ProbeObservation seen = probe(missing).observation();

        assertThat(seen.ok()).isFalse();
        assertThat(seen.error()).isEqualTo("path " + missing + " does not exist");
        assertThat(seen.instance()).isEqualTo(missing.toString());
    }

    private static ProbeResult probe(Path path) {
        try (Probe probe = ProbeFactory.create("repository", "filesystem", Map.of("path", path.toString()))) {
            return probe.probe(TIMEOUT);
        }
    }
}
