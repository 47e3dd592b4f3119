package io.lifeboat.agent.pg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The benchmarks' scratch directory: on the same disk as the servers, owned by the {@code postgres} account. */
final class BenchWork {

    private BenchWork() {
    }

    static Path create(String prefix) throws IOException {
        Path work = Files.createTempDirectory(Path.of("/var/tmp"), prefix);
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        // The restored servers write their logs beside their data directories, as that account.
        Files.setOwner(work, work.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres"));
        return work;
    }
}
