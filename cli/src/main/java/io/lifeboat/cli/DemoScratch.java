package io.lifeboat.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import io.lifeboat.testkit.postgres.NodeLoss;
import io.lifeboat.testkit.process.TempDirs;

/**
 * Where the demo's restores and drills create their PostgreSQL instances: a temp directory the postgres account can
 * reach; closing it stops any instance still running there (the pg-agent removes them on its own only later) and
 * deletes it.
 */
final class DemoScratch implements AutoCloseable {

    private final Path root;

    DemoScratch() throws IOException {
        root = TempDirs.create("lifeboat-demo-scratch");
        // The agent restores as the postgres account, which must reach the destinations.
        for (Path dir : List.of(root, Files.createDirectory(root.resolve("restores")),
                Files.createDirectory(root.resolve("drills")))) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** The directory; restores go under {@code restores/}, drills under {@code drills/}. */
    Path root() {
        return root;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> pidFiles = Files.find(root, 3, (path, attributes) -> path.getFileName().toString()
                .equals("postmaster.pid"))) {
            pidFiles.forEach(pid -> {
                try {
                    NodeLoss.kill(pid.getParent());
                } catch (IllegalStateException e) {
                    // Not running any more: a stale pid file.
                }
            });
        }
        TempDirs.deleteRecursively(root);
    }
}
