package io.lifeboat.agent.pg.restore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.lifeboat.agentkit.agent.RestoreEngine.RestoreFailure;

/**
 * Prepares the directory a restore writes into: creates it, or empties it only when the command allows overwriting,
 * it is a PostgreSQL data directory ({@code PG_VERSION}) and no server runs on it; then gives it to the server's
 * OS account with mode 0700.
 */
final class DataDirectory {

    private DataDirectory() {
    }

    /** Makes {@code dir} an empty directory owned by {@code osUser}, or fails with step {@code destination}. */
    static void prepare(Path dir, boolean overwrite, Optional<String> osUser)
            throws RestoreFailure, IOException, InterruptedException {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new RestoreFailure("destination", "destination " + dir + " exists and is not a directory",
                        false);
            }
            if (!isEmpty(dir)) {
                refuseNonEmpty(dir, overwrite);
                empty(dir);
            }
        } else {
            Files.createDirectories(dir);
        }
        own(dir, osUser);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        if (osUser.isPresent() && OsCommand.isRoot()) {
            try {
                new OsCommand(osUser, List.of("test", "-w", dir.toString(), "-a", "-x", dir.toString())).run();
            } catch (IOException e) {
                throw new RestoreFailure("destination", "the OS account '" + osUser.get() + "' cannot write "
                        + dir + ": every parent directory must be searchable by it", false);
            }
        }
    }

    private static void refuseNonEmpty(Path dir, boolean overwrite) throws RestoreFailure {
        if (Files.exists(dir.resolve("postmaster.pid"))) {
            throw new RestoreFailure("destination", "destination " + dir + " holds a PostgreSQL data directory "
                    + "with postmaster.pid: a server may be running on it; stop it (and remove a stale "
                    + "postmaster.pid) before restoring over it", false);
        }
        if (!overwrite) {
            throw new RestoreFailure("destination", "destination " + dir + " is not empty; restore into a new "
                    + "directory or set overwrite=true to replace the data directory in it", false);
        }
        if (!Files.exists(dir.resolve("PG_VERSION"))) {
            throw new RestoreFailure("destination", "destination " + dir + " is not empty and is not a PostgreSQL "
                    + "data directory (no PG_VERSION); overwrite only replaces a data directory", false);
        }
    }

    /** Deletes everything inside {@code dir}, keeping the directory itself. */
    static void empty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(dir)) {
                    Files.delete(path);
                }
            }
        }
    }

    /** Deletes {@code dir} with everything in it; nothing happens when it does not exist. */
    static void remove(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Gives {@code path} to {@code osUser} when the agent runs as root; otherwise leaves it to the agent. */
    static void own(Path path, Optional<String> osUser) throws IOException {
        if (osUser.isPresent() && OsCommand.isRoot()) {
            UserPrincipal owner = path.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(osUser.get());
            Files.setOwner(path, owner);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
