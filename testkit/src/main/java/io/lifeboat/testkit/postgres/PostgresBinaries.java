package io.lifeboat.testkit.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.lifeboat.testkit.process.Command;

/**
 * The directory with the PostgreSQL server programs: {@code LIFEBOAT_PG_BIN} if set, else Debian's
 * {@code /usr/lib/postgresql/15/bin}, else the newest major installed there.
 */
public record PostgresBinaries(Path binDir) {

    /** The major version the project targets (Debian 12's PostgreSQL). */
    public static final int PREFERRED_MAJOR = 15;
    static final String ENV = "LIFEBOAT_PG_BIN";
    static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");
    private static final List<String> REQUIRED = List.of("postgres", "initdb", "pg_ctl", "pg_basebackup");

    /** Finds the binaries as configured by {@code options}, the environment and the installed packages. */
    public static PostgresBinaries locate(PostgresOptions options) {
        if (options.binDir() != null) {
            return checked(options.binDir(), "set by PostgresOptions.binDir");
        }
        return locate(System.getenv(ENV), DEBIAN_ROOT);
    }

    static PostgresBinaries locate(String override, Path debianRoot) {
        if (override != null && !override.isBlank()) {
            return checked(Path.of(override), "set by " + ENV);
        }
        Path preferred = debianRoot.resolve(PREFERRED_MAJOR + "/bin");
        if (missing(preferred).isEmpty()) {
            return new PostgresBinaries(preferred);
        }
        return newestInstalled(debianRoot).orElseThrow(() -> new IllegalStateException("PostgreSQL " + PREFERRED_MAJOR
                + " server binaries not found in " + preferred + ": install them with 'apt-get install -y postgresql-"
                + PREFERRED_MAJOR + "' or set " + ENV));
    }

    /** The path of one program, such as {@code pg_basebackup}. */
    public Path tool(String name) {
        return binDir.resolve(name);
    }

    /** The server's version line, such as {@code postgres (PostgreSQL) 15.14 (Debian 15.14-0+deb12u1)}. */
    public String version() {
        return Command.of(tool("postgres").toString(), "--version").runChecked("read the PostgreSQL version").output()
                .strip();
    }

    private static PostgresBinaries checked(Path dir, String origin) {
        List<String> missing = missing(dir);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("PostgreSQL server binaries not found in " + dir + " (" + origin
                    + "): missing " + String.join(", ", missing) + "; install them with 'apt-get install -y postgresql-"
                    + PREFERRED_MAJOR + "' or point " + ENV + " at a directory holding " + String.join(", ", REQUIRED));
        }
        return new PostgresBinaries(dir);
    }

    private static Optional<PostgresBinaries> newestInstalled(Path debianRoot) {
        if (!Files.isDirectory(debianRoot)) {
            return Optional.empty();
        }
        try (Stream<Path> majors = Files.list(debianRoot)) {
            return majors.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .map(p -> p.resolve("bin"))
                    .filter(bin -> missing(bin).isEmpty())
                    .max(Comparator.comparingInt(bin -> Integer.parseInt(bin.getParent().getFileName().toString())))
                    .map(PostgresBinaries::new);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "unable to list PostgreSQL versions in " + debianRoot + ": " + e.getMessage(), e);
        }
    }

    private static List<String> missing(Path dir) {
        return REQUIRED.stream().filter(name -> !Files.isExecutable(dir.resolve(name))).toList();
    }
}
