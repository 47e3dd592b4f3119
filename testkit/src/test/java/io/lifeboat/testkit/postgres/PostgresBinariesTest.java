package io.lifeboat.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresBinariesTest {

    @TempDir
    Path root;

    @Test
    void namesTheExpectedDirectoryAndTheAptPackageWhenNoPostgresIsInstalled() {
        assertThatThrownBy(() -> PostgresBinaries.locate(null, root))
                .hasMessage("PostgreSQL 15 server binaries not found in " + root.resolve("15/bin")
                        + ": install them with 'apt-get install -y postgresql-15' or set LIFEBOAT_PG_BIN");
    }

    @Test
    void usesTheNewestInstalledMajorWhenFifteenIsAbsent() throws IOException {
        fakeInstall(root.resolve("13/bin"));
        fakeInstall(root.resolve("16/bin"));
        Files.createDirectories(root.resolve("17/bin"));

        assertThat(PostgresBinaries.locate(null, root).binDir()).isEqualTo(root.resolve("16/bin"));
    }

    @Test
    void prefersFifteenOverNewerMajors() throws IOException {
        fakeInstall(root.resolve("15/bin"));
        fakeInstall(root.resolve("16/bin"));

        assertThat(PostgresBinaries.locate(null, root).binDir()).isEqualTo(root.resolve("15/bin"));
    }

    @Test
    void namesTheMissingProgramsWhenTheOverrideDirectoryIsIncomplete() throws IOException {
        Path custom = root.resolve("custom");
        fakeInstall(custom);
        Files.delete(custom.resolve("pg_basebackup"));

        assertThatThrownBy(() -> PostgresBinaries.locate(custom.toString(), root))
                .hasMessageStartingWith("PostgreSQL server binaries not found in " + custom
                        + " (set by LIFEBOAT_PG_BIN): missing pg_basebackup;");
    }

    private static void fakeInstall(Path bin) throws IOException {
        Files.createDirectories(bin);
        for (String program : new String[]{"postgres", "initdb", "pg_ctl", "pg_basebackup"}) {
            Files.createFile(bin.resolve(program), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwxr-xr-x")));
        }
    }
}
