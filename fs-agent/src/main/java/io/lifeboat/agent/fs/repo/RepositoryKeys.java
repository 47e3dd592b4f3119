package io.lifeboat.agent.fs.repo;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.lifeboat.agentkit.crypto.ArtifactContext;
import io.lifeboat.agentkit.crypto.MasterKey;
import io.lifeboat.agentkit.storage.NoSuchObjectException;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.WriteOptions;

/**
 * The two secret keys of a target's chunk repository, kept in {@code fs/keys} wrapped by the master key: the
 * HMAC-SHA256 key that turns plaintext into {@link ChunkId}s and the AES-256-GCM key of blobs, pack headers and
 * indexes. Created on first use.
 */
public final class RepositoryKeys {

    private static final byte[] MAGIC = "LIFEBOAT-FS-KEYS".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT_VERSION = 1;
    private static final int KEY_BYTES = 32;
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec idKey;
    private final byte[] blobKey;
    private final ThreadLocal<Mac> macs;

    private RepositoryKeys(byte[] idKey, byte[] blobKey) {
        this.idKey = new SecretKeySpec(idKey, HMAC);
        this.blobKey = blobKey;
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /**
     * The keys of {@code targetId}: read from {@code fs/keys}, or generated and stored when absent. When two
     * processes create keys at the same time, each re-reads the object after writing and uses what is stored, so
     * both end up with the last writer's keys; the window left is a writer whose re-read happens before the other's
     * write lands (see DESIGN.md).
     */
    public static RepositoryKeys openOrCreate(ObjectStore store, RepositoryLayout layout, MasterKey masterKey,
            String targetId, WriteOptions options) throws IOException {
        String key = layout.keys();
        Optional<RepositoryKeys> existing = read(store, key, masterKey, targetId);
        if (existing.isPresent()) {
            return existing.get();
        }
        SecureRandom random = new SecureRandom();
        byte[] idKey = new byte[KEY_BYTES];
        byte[] blobKey = new byte[KEY_BYTES];
        random.nextBytes(idKey);
        random.nextBytes(blobKey);
        store.put(key, encode(masterKey, targetId, idKey, blobKey), options);
        return read(store, key, masterKey, targetId).orElseThrow(
                () -> new IOException("repository keys '" + key + "' in " + store.location()
                        + " vanished right after they were written"));
    }

    /** The chunk id of {@code length} bytes of {@code bytes} from {@code offset}: HMAC-SHA256 under the id key. */
    public ChunkId id(byte[] bytes, int offset, int length) {
        Mac mac = macs.get();
        mac.update(bytes, offset, length);
        return ChunkId.of(mac.doFinal());
    }

    /** The raw AES-256 key of blobs (not a copy: callers must not modify it). */
    byte[] blobKey() {
        return blobKey;
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(idKey);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot compute " + HMAC + ": " + e.getMessage(), e);
        }
    }

    // Format: magic, version (int), master key id (modified UTF-8), then two (int length, wrapped key) pairs.
    static byte[] encode(MasterKey masterKey, String targetId, byte[] idKey, byte[] blobKey) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeUTF(masterKey.keyId());
        byte[] wrappedId = masterKey.wrap(idKey, context(targetId, "id"));
        byte[] wrappedBlob = masterKey.wrap(blobKey, context(targetId, "blob"));
        out.writeInt(wrappedId.length);
        out.write(wrappedId);
        out.writeInt(wrappedBlob.length);
        out.write(wrappedBlob);
        out.flush();
        return bytes.toByteArray();
    }

    private static Optional<RepositoryKeys> read(ObjectStore store, String key, MasterKey masterKey, String targetId)
            throws IOException {
        String what = "repository keys '" + key + "' in " + store.location();
        try (InputStream stored = store.open(key)) {
            DataInputStream in = new DataInputStream(stored);
            if (!Arrays.equals(in.readNBytes(MAGIC.length), MAGIC) || in.readInt() != FORMAT_VERSION) {
                throw new IOException(what + " are not a Lifeboat fs keys object of version " + FORMAT_VERSION);
            }
            String keyId = in.readUTF();
            if (!keyId.equals(masterKey.keyId())) {
                throw new IOException(what + " were wrapped by master key '" + keyId + "' but this agent holds '"
                        + masterKey.keyId() + "'");
            }
            byte[] idKey = masterKey.unwrap(readBlock(in, what), context(targetId, "id"));
            byte[] blobKey = masterKey.unwrap(readBlock(in, what), context(targetId, "blob"));
            if (idKey.length != KEY_BYTES || blobKey.length != KEY_BYTES) {
                throw new IOException(what + " hold keys of " + idKey.length + " and " + blobKey.length
                        + " bytes, expected " + KEY_BYTES);
            }
            return Optional.of(new RepositoryKeys(idKey, blobKey));
        } catch (NoSuchObjectException e) {
            return Optional.empty();
        }
    }

    private static byte[] readBlock(DataInputStream in, String what) throws IOException {
        int length = in.readInt();
        if (length <= 0 || length > 4096) {
            throw new IOException(what + " hold a wrapped key of impossible length " + length);
        }
        return in.readNBytes(length);
    }

    // Binds each wrapped key to the target and to its role, so neither can be moved to another target or swapped.
    private static byte[] context(String targetId, String role) {
        return ArtifactContext.of(targetId, "fs-repository-" + role + "-key");
    }
}
