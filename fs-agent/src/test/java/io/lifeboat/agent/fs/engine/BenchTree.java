package io.lifeboat.agent.fs.engine;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The benchmark's directory tree: a seeded generator of small and large files, text-like and random, with copies;
 * the 1% change; and the comparison of a restored tree with its source.
 */
final class BenchTree {

    static final long MB = 1_000_000L;
    static final int KIB = 1024;
    private static final String[] WORDS = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima "
            + "mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu order "
            + "invoice customer shipment pending paid refunded warehouse berlin paris lisbon oslo madrid").split(" ");
    private static final String[] LEVELS = {"INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"};

    private BenchTree() {
    }

    /** What the generator wrote: relative paths of the small and large originals, and the totals. */
    static final class Generated {

        final List<String> smallFiles = new ArrayList<>();
        final List<String> largeFiles = new ArrayList<>();
        long files;
        long small;
        long large;
        long copies;
        long bytes;
        long copyBytes;

        long bytesNow(Path root) throws IOException {
            try (Stream<Path> paths = Files.walk(root)) {
                return paths.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
        }
    }

    /**
     * Writes the tree: per 2000 MB, 20,000 small files (1-64 KiB, half log-like text, half random) in 200
     * directories, large files (20-40 MB, two thirds random, one third text) up to 90% of the total, then copies
     * of large and small files (10%).
     */
    static Generated generate(Path root, long total, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Generated g = new Generated();
        int smallCount = (int) Math.max(100, Math.round(20_000.0 * total / (2000 * MB)));
        for (int i = 0; i < smallCount; i++) {
            String path = String.format("data/d%02d/e%02d/file-%05d.%s", i % 20, (i / 20) % 10, i, i % 2 == 0
                    ? "log"
                    : "bin");
            int size = random.nextInt(KIB, 64 * KIB + 1);
            write(root.resolve(path), size, i % 2 == 0, random);
            g.smallFiles.add(path);
            g.small++;
            g.bytes += size;
        }
        long largeBudget = total * 9 / 10 - g.bytes;
        for (int i = 0; largeBudget > 0; i++) {
            String path = String.format("large/big-%02d.%s", i, i % 3 == 2 ? "txt" : "dat");
            long size = Math.min(Math.max(largeBudget, 4 * MB), random.nextLong(20 * MB, 40 * MB + 1));
            write(root.resolve(path), size, i % 3 == 2, random);
            g.largeFiles.add(path);
            g.large++;
            g.bytes += size;
            largeBudget -= size;
        }
        // Copies: every fifth large file while they fit in the 10% left, then small files.
        long copyBudget = total - g.bytes;
        for (int i = 0; i < g.largeFiles.size() && copyBudget > 0; i += 5) {
            copyBudget -= copy(root, g.largeFiles.get(i), "copies/" + g.largeFiles.get(i), g, copyBudget);
        }
        for (int i = 1; i < g.smallFiles.size() && copyBudget > 0; i += 7) {
            copyBudget -= copy(root, g.smallFiles.get(i), "copies/" + g.smallFiles.get(i), g, copyBudget);
        }
        g.files = g.small + g.large + g.copies;
        return g;
    }

    private static long copy(Path root, String from, String to, Generated g, long budget) throws IOException {
        long size = Files.size(root.resolve(from));
        if (size > budget && size > 64 * KIB) {
            return 0;
        }
        Files.createDirectories(root.resolve(to).getParent());
        Files.copy(root.resolve(from), root.resolve(to));
        g.copies++;
        g.bytes += size;
        g.copyBytes += size;
        return size;
    }

    private static void write(Path file, long size, boolean text, SplittableRandom random) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            content(out, size, text, random);
        }
    }

    /** {@code size} bytes: log-like lines (compressible about 4-6x) or random bytes. */
    private static void content(OutputStream out, long size, boolean text, SplittableRandom random)
            throws IOException {
        byte[] buffer = new byte[1 << 16];
        long left = size;
        if (!text) {
            while (left > 0) {
                int n = (int) Math.min(buffer.length, left);
                random.nextBytes(buffer);
                out.write(buffer, 0, n);
                left -= n;
            }
            return;
        }
        StringBuilder line = new StringBuilder(200);
        long clock = 1_795_000_000_000L + random.nextLong(1_000_000_000L);
        while (left > 0) {
            clock += random.nextInt(5000);
            line.setLength(0);
            line.append(Instant.ofEpochMilli(clock)).append(' ').append(LEVELS[random.nextInt(LEVELS.length)])
                    .append(" [worker-").append(random.nextInt(32)).append("] order ").append(random.nextInt(
                            10_000_000))
                    .append(" customer ").append(random.nextInt(100_000)).append(' ');
            for (int w = random.nextInt(3, 9); w > 0; w--) {
                line.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            line.append("amount=").append(random.nextInt(100_000) / 100.0).append('\n');
            byte[] bytes = line.toString().getBytes(StandardCharsets.US_ASCII);
            int n = (int) Math.min(bytes.length, left);
            out.write(bytes, 0, n);
            left -= n;
        }
    }

    /**
     * Changes about 1% of the files: a third of them appended to, a third rewritten in the middle (same size), a
     * third rewritten whole with a new size; one large file appended to and one rewritten in the middle. Every
     * changed file gets a new mtime. Returns the number of files changed.
     */
    static int change(Path root, Generated g, long megabytes) throws IOException {
        SplittableRandom random = new SplittableRandom(1122L);
        List<String> picked = new ArrayList<>();
        for (String path : g.smallFiles) {
            if (random.nextInt(100) == 0) {
                picked.add(path);
            }
        }
        FileTime now = FileTime.from(Instant.now());
        int i = 0;
        for (String path : picked) {
            Path file = root.resolve(path);
            boolean text = path.endsWith(".log");
            switch (i++ % 3) {
                case 0 -> append(file, 512 + random.nextInt(4 * KIB), text, random);
                case 1 -> overwriteMiddle(file, Math.min(Files.size(file) / 2, 4 * KIB), random);
                default -> write(file, random.nextInt(KIB, 64 * KIB + 1), text, random);
            }
            Files.setLastModifiedTime(file, now);
        }
        String appended = g.largeFiles.get(g.largeFiles.size() - 1);
        append(root.resolve(appended), 256 * KIB, appended.endsWith(".txt"), random);
        Files.setLastModifiedTime(root.resolve(appended), now);
        String rewritten = g.largeFiles.get(Math.min(1, g.largeFiles.size() - 1));
        if (!rewritten.equals(appended)) {
            overwriteMiddle(root.resolve(rewritten), 64 * KIB, random);
            Files.setLastModifiedTime(root.resolve(rewritten), now);
            i++;
        }
        return i + 1;
    }

    private static void append(Path file, long bytes, boolean text, SplittableRandom random) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file,
                java.nio.file.StandardOpenOption.APPEND))) {
            content(out, bytes, text, random);
        }
    }

    private static void overwriteMiddle(Path file, long bytes, SplittableRandom random) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] noise = new byte[(int) bytes];
            random.nextBytes(noise);
            raf.seek(Math.max(0, raf.length() / 2 - bytes / 2));
            raf.write(noise);
        }
    }

    /**
     * Compares a restored tree with the source: the same regular files (count, total bytes), every file's content
     * byte for byte ({@link Files#mismatch}) and mtime to the millisecond.
     */
    static String compare(Path source, Path restored) throws IOException {
        Map<String, Path> expected = regularFiles(source);
        Map<String, Path> actual = regularFiles(restored);
        long bytes = 0;
        int differ = 0;
        int mtimes = 0;
        List<String> examples = new ArrayList<>();
        for (Map.Entry<String, Path> e : expected.entrySet()) {
            Path other = actual.get(e.getKey());
            bytes += Files.size(e.getValue());
            if (other == null || Files.mismatch(e.getValue(), other) != -1) {
                differ++;
                if (examples.size() < 3) {
                    examples.add(e.getKey() + (other == null ? " (missing)" : " (content)"));
                }
            } else if (Files.getLastModifiedTime(e.getValue()).toMillis() != Files.getLastModifiedTime(other)
                    .toMillis()) {
                mtimes++;
            }
        }
        String counts = String.format("%d files, %d bytes, %d extra files", expected.size(), bytes, actual.size()
                - expected.size() + (int) expected.keySet().stream().filter(k -> !actual.containsKey(k)).count());
        if (differ == 0 && actual.size() == expected.size()) {
            return "identical: " + counts + " compared byte for byte; " + mtimes + " mtimes differ";
        }
        return "DIFFERENT: " + differ + " files differ " + examples + "; " + counts;
    }

    private static Map<String, Path> regularFiles(Path root) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).forEach(p -> files.put(root
                    .relativize(p).toString(), p));
        }
        return files;
    }
}
