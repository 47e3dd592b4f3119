package io.lifeboat.health.probe;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures the memory of the host the monitor runs on from {@code /proc/meminfo}: what is not {@code MemAvailable}
 * of {@code MemTotal} is in use (page cache the kernel can drop counts as available).
 */
final class HostMemoryProbe extends TimedProbe {

    private final Path meminfo;

    HostMemoryProbe(String name, String host, Path meminfo) {
        super(name, host);
        this.meminfo = meminfo;
    }

    @Override
    Outcome check(Attempt attempt) throws Exception {
        attempt.step("read " + meminfo);
        List<String> lines;
        try {
            lines = Files.readAllLines(meminfo);
        } catch (NoSuchFileException e) {
            throw new ProbeFailure(
                    meminfo + " does not exist on " + instance() + ": host memory is read on Linux only");
        }
        Map<String, Long> kib = parse(lines);
        Long total = kib.get("MemTotal");
        Long available = kib.get("MemAvailable");
        if (total == null || available == null || total <= 0) {
            throw new ProbeFailure(meminfo + " on " + instance() + " has no MemTotal and MemAvailable");
        }
        long totalBytes = total * 1024;
        long usedBytes = Math.max(0, total - available) * 1024;
        return Outcome.measured(Usages.memory(instance(), usedBytes, totalBytes, "used on " + instance()));
    }

    /** {@code Name: 1234 kB} lines as name to kibibytes. */
    static Map<String, Long> parse(List<String> lines) {
        Map<String, Long> values = new HashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String[] amount = line.substring(colon + 1).trim().split("\\s+");
            try {
                values.put(line.substring(0, colon).trim(), Long.parseLong(amount[0]));
            } catch (NumberFormatException e) {
                // Not a counter line; /proc/meminfo has none today, a future kernel might.
            }
        }
        return values;
    }
}
