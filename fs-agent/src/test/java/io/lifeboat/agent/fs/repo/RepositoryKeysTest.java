package io.lifeboat.agent.fs.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lifeboat.agentkit.storage.WriteOptions;

class RepositoryKeysTest {

    @TempDir
    Path tmp;

    private RepoFixture fixture;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new RepoFixture(tmp);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void keepsTheIdKeyOutOfTheStoredKeysObject() throws Exception {
        RepositoryKeys keys = open();
        byte[] stored;
        try (InputStream in = fixture.store.open(fixture.repoLayout.keys())) {
            stored = in.readAllBytes();
        }

        byte[] idKey = idKeyOf(keys);
        assertThat(HexFormat.of().formatHex(stored)).doesNotContain(HexFormat.of().formatHex(idKey))
                .doesNotContain(HexFormat.of().formatHex(keys.blobKey()));
    }

    @Test
    void derivesChunkIdsThatAreNotThePlainSha256OfTheContent() throws Exception {
        byte[] content = "hello, chunk".getBytes(StandardCharsets.UTF_8);

        ChunkId id = open().id(content, 0, content.length);

        assertThat(id.bytes()).isNotEqualTo(sha256(content));
        assertThat(id.hex()).hasSize(64);
    }

    @Test
    void givesTheSameKeysToEveryLaterOpenAndToAnotherRepository() throws Exception {
        byte[] content = "same content".getBytes(StandardCharsets.UTF_8);
        ChunkId first = open().id(content, 0, content.length);

        assertThat(open().id(content, 0, content.length)).isEqualTo(first);
        try (Repository repository = fixture.open()) {
            assertThat(repository.id(content, 0, content.length)).isEqualTo(first);
        }
    }

    private RepositoryKeys open() throws IOException {
        return RepositoryKeys.openOrCreate(fixture.store, fixture.repoLayout, fixture.masterKey, RepoFixture.TARGET,
                WriteOptions.HOT);
    }

    // Recovers the id key by unwrapping it as the class does, to look for its bytes in the stored object.
    private byte[] idKeyOf(RepositoryKeys keys) throws Exception {
        byte[] probe = {1, 2, 3};
        byte[] stored;
        try (InputStream in = fixture.store.open(fixture.repoLayout.keys())) {
            stored = in.readAllBytes();
        }
        java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(stored));
        in.readNBytes(16);
        in.readInt();
        in.readUTF();
        byte[] wrapped = in.readNBytes(in.readInt());
        byte[] idKey = fixture.masterKey.unwrap(wrapped,
                io.lifeboat.agentkit.crypto.ArtifactContext.of(RepoFixture.TARGET, "fs-repository-id-key"));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(idKey, "HmacSHA256"));
        assertThat(mac.doFinal(probe)).isEqualTo(keys.id(probe, 0, 3).bytes());
        return idKey;
    }

    private static byte[] sha256(byte[] content) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(content);
    }
}
