package io.lifeboat.testkit.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Creates and deletes the temporary directories that fixtures keep their data, logs and sockets in. */
public final class TempDirs {

    private TempDirs() {
    }

    /** Creates a fresh directory under {@code java.io.tmpdir}, readable only by its owner. */
    public static Path create(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("unable to create a temp directory '" + prefix + "*' in "
                    + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a directory tree; files that vanish meanwhile (a server still exiting) are ignored. */
    public static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("unable to delete temp directory " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes a directory tree a stopped fixture leaves behind; a failure is only reported on standard error, since
     * the tests it served are over.
     */
    public static void deleteQuietly(Path root) {
        try {
            deleteRecursively(root);
        } catch (UncheckedIOException e) {
            System.err.println("lifeboat test kit: " + e.getMessage());
        }
    }
}
