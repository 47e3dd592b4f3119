package io.lifeboat.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The directory tree the demo's fs-agent target backs up: a few uploads, a nested folder, a symlink and files the
 * target excludes ({@code *.tmp}, {@code *.log}, {@code cache/*}), written once and left for people to change.
 */
final class DemoFiles {

    private DemoFiles() {
    }

    /** Creates the tree under {@code dir} unless it exists, and returns {@code dir}. */
    static Path ensure(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Files.createDirectories(dir.resolve("uploads/2026/11"));
        Files.createDirectories(dir.resolve("cache"));
        Files.createDirectories(dir.resolve("logs"));
        for (int i = 1; i <= 20; i++) {
            Files.writeString(dir.resolve("uploads/2026/11/essay-" + i + ".txt"), ("Essay " + i
                    + ": what a backup is worth is known only when it is restored.\n").repeat(200 * i));
        }
        Files.writeString(dir.resolve("uploads/README"), "Student uploads, backed up by the demo's fs-agent.\n");
        Files.createSymbolicLink(dir.resolve("uploads/latest"), Path.of("2026/11"));
        Files.writeString(dir.resolve("uploads/draft.tmp"), "excluded: *.tmp\n");
        Files.writeString(dir.resolve("logs/app.log"), "excluded: *.log\n");
        Files.writeString(dir.resolve("cache/thumbnail"), "excluded: cache/*\n");
        return dir;
    }
}
