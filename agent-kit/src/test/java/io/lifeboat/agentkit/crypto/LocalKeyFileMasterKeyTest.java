package io.lifeboat.agentkit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local key file: created private, refused when shared, and bound to the backup it wraps for. */
class LocalKeyFileMasterKeyTest {

    @TempDir
    Path dir;

    @Test
    void createsTheKeyFileWithOwnerOnlyPermissionsOnFirstUse() throws IOException {
        Path file = dir.resolve("keys/master.json");

        LocalKeyFileMasterKey key = LocalKeyFileMasterKey.openOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("\"primaryKeyId\"").contains("AesGcmKey");
        assertThat(key.keyId()).matches("local:[0-9a-f]{8}");
    }

    @Test
    void keepsTheSameKeyIdAndKeyWhenReopened() throws IOException {
        Path file = dir.resolve("master.json");
        LocalKeyFileMasterKey first = LocalKeyFileMasterKey.openOrCreate(file);
        byte[] context = ArtifactContext.of("orders", "b1");
        byte[] wrapped = first.wrap("data key".getBytes(StandardCharsets.UTF_8), context);

        LocalKeyFileMasterKey again = LocalKeyFileMasterKey.openOrCreate(file);

        assertThat(again.keyId()).isEqualTo(first.keyId());
        assertThat(new String(again.unwrap(wrapped, context), StandardCharsets.UTF_8)).isEqualTo("data key");
    }

    @Test
    void refusesAKeyFileThatGroupOrOthersCanRead() throws IOException {
        Path file = dir.resolve("master.json");
        LocalKeyFileMasterKey.openOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> LocalKeyFileMasterKey.openOrCreate(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("refusing master key file '" + file + "'")
                .hasMessageContaining("rw-r--r--").hasMessageContaining("chmod 600");
    }

    @Test
    void refusesToUnwrapForAnotherBackupOrWithAnotherKey() throws IOException {
        LocalKeyFileMasterKey key = LocalKeyFileMasterKey.openOrCreate(dir.resolve("a.json"));
        LocalKeyFileMasterKey other = LocalKeyFileMasterKey.openOrCreate(dir.resolve("b.json"));
        byte[] wrapped = key.wrap(new byte[]{1, 2, 3}, ArtifactContext.of("orders", "b1"));

        assertThatThrownBy(() -> key.unwrap(wrapped, ArtifactContext.of("orders", "b2")))
                .isInstanceOf(WrongKeyException.class).hasMessageContaining("backup 'b2' of target 'orders'");
        assertThatThrownBy(() -> other.unwrap(wrapped, ArtifactContext.of("orders", "b1")))
                .isInstanceOf(WrongKeyException.class).hasMessageContaining(other.keyId());
    }

    @Test
    void readsTheKeyFileThroughTheSettings() throws IOException {
        Path file = dir.resolve("m.json");

        MasterKey key = MasterKeys.fromSettings(MasterKeySettings.localFile(file));

        assertThat(key.keyId()).isEqualTo(LocalKeyFileMasterKey.openOrCreate(file).keyId());
    }
}
