package io.lifeboat.health.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lifeboat.events.health.ProbeObservation;
import io.lifeboat.events.health.WatchedResource;

class HostMemoryProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void reportsWhatIsNotAvailableOfTheTotalAsUsed() throws IOException {
        Path meminfo = Files.writeString(dir.resolve("meminfo"), """
                MemTotal:       16777216 kB
                MemFree:         1048576 kB
                MemAvailable:    4194304 kB
                Buffers:          123456 kB
                """);

        ProbeResult result = probe(Map.of("meminfo", meminfo.toString(), "host", "db-1"));

        assertThat(result.observation().ok()).as(result.observation().error()).isTrue();
        assertThat(result.observation().instance()).isEqualTo("db-1");
        assertThat(result.usages()).containsExactly(new ResourceUsage(WatchedResource.MEMORY, "db-1", 0.75,
                "12 GiB of 16 GiB used on db-1"));
    }

    @Test
    void readsTheHostsOwnMeminfoByDefault() {
        ProbeResult result = probe(Map.of());

        assertThat(result.observation().ok()).as(result.observation().error()).isTrue();
        assertThat(result.usages()).singleElement().satisfies(usage -> assertThat(usage.used()).isBetween(0.0, 1.0));
    }

    @Test
    void failsNamingTheFileWhenItHasNoCounters() throws IOException {
        Path meminfo = Files.writeString(dir.resolve("meminfo"), "nothing here\n");

        ProbeObservation seen = probe(Map.of("meminfo", meminfo.toString(), "host", "db-1")).observation();

        assertThat(seen.ok()).isFalse();
        assertThat(seen.error()).isEqualTo(meminfo + " on db-1 has no MemTotal and MemAvailable");
    }

    private static ProbeResult probe(Map<String, String> options) {
        try (Probe probe = ProbeFactory.create("host", "host-memory", options)) {
            return probe.probe(TIMEOUT);
        }
    }
}
