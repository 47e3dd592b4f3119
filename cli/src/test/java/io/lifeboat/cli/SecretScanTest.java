package io.lifeboat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretScanTest {

    private final SecretScan scan = SecretScan.of(Map.of("the database password", "pw-0123456789ab"));

    @Test
    void namesWhereASecretIsByItsLabelNeverByItsValue() {
        assertThat(scan.inText("pg-agent.log", "connecting with password=pw-0123456789ab"))
                .containsExactly("pg-agent.log: the database password");
        assertThat(scan.inText("pg-agent.log", "connecting with password=***")).isEmpty();
    }

    @Test
    void scansTheFilesWithTheGivenEndingsOnly(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/a.log"), "x pw-0123456789ab y");
        Files.writeString(dir.resolve("b.bin"), "pw-0123456789ab");
        Files.writeString(dir.resolve("c.log"), "nothing here");

        assertThat(scan.inFiles(dir, Set.of(".log"))).containsExactly(dir.resolve("sub/a.log")
                + ": the database password");
        assertThat(scan.inFiles(dir.resolve("absent"), Set.of(".log"))).isEmpty();
    }

    @Test
    void refusesASecretTooShortToScanFor() {
        assertThatThrownBy(() -> SecretScan.of(Map.of("the Redis password", "lifeboat")))
                .hasMessageContaining("the Redis password is shorter than 12 characters");
    }
}
