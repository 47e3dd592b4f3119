package io.lifeboat.health.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Checks that a path exists and can be read (a directory listed, a file opened), that a small file can be created
 * and deleted inside a directory, and measures the free space of its file system.
 */
final class FilesystemProbe extends TimedProbe {

    private final Path path;
    private final boolean writeCheck;

    FilesystemProbe(String name, Path path, boolean writeCheck) {
        super(name, path.toString());
        this.path = path;
        this.writeCheck = writeCheck;
    }

    @Override
    Outcome check(Attempt attempt) throws Exception {
        attempt.step("read");
        if (!Files.exists(path)) {
            throw new ProbeFailure("path " + path + " does not exist");
        }
        boolean directory = Files.isDirectory(path);
        try {
            read(directory);
        } catch (AccessDeniedException e) {
            throw new ProbeFailure("permission denied reading " + path);
        }
        if (writeCheck && directory) {
            attempt.step("write");
            try {
                write();
            } catch (AccessDeniedException e) {
                throw new ProbeFailure("permission denied writing in " + path);
            }
        }
        attempt.step("disk usage");
        return Outcome.measured(Usages.disk(path));
    }

    private void read(boolean directory) throws IOException {
        if (directory) {
            try (Stream<Path> entries = Files.list(path)) {
                entries.findFirst();
            }
        } else {
            try (InputStream in = Files.newInputStream(path)) {
                in.read();
            }
        }
    }

    private void write() throws IOException {
        Path probe = Files.createTempFile(path, ".lifeboat-probe-", ".tmp");
        try {
            Files.writeString(probe, "lifeboat health probe\n", StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(probe);
        }
    }
}
