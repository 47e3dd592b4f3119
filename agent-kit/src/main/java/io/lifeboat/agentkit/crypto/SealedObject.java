package io.lifeboat.agentkit.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import com.github.luben.zstd.Zstd;

/**
 * One small, self-describing encrypted object, as continuous archiving stores them (a WAL segment, an oplog slice):
 * {@code magic, int format version 1, UTF master key id, int length + wrapped data key, long raw size, 32-byte
 * SHA-256 of the body, body}, the body being a Tink streaming AEAD ciphertext of one zstd frame of the raw bytes.
 * The data key is wrapped under one context and the ciphertext bound to another, so that an object cannot pass for
 * another one.
 *
 * @param magic the object kind's first bytes, e.g. {@code LIFEBOAT-WAL}
 * @param kind the kind's name in messages, e.g. {@code WAL}
 * @param maxRawSize a header claiming more raw bytes than this is corrupt
 */
public record SealedObject(byte[] magic, String kind, long maxRawSize) {

    private static final int FORMAT_VERSION = 1;

    /** The format of objects starting with {@code magic} (ASCII). */
    public static SealedObject of(String magic, String kind, long maxRawSize) {
        return new SealedObject(magic.getBytes(StandardCharsets.US_ASCII), kind, maxRawSize);
    }

    /**
     * Seals {@code raw[0..length)}.
     *
     * @param wrappedKey {@code key} wrapped by the master key {@code masterKeyId}
     * @param aeadContext associated data binding the ciphertext to this object
     */
    public byte[] seal(DataKey key, String masterKeyId, byte[] wrappedKey, byte[] aeadContext, byte[] raw, int length,
            int zstdLevel) throws IOException {
        byte[] compressed = Zstd.compress(length == raw.length ? raw : Arrays.copyOf(raw, length), zstdLevel);
        ByteArrayOutputStream body = new ByteArrayOutputStream(compressed.length + 1024);
        try (OutputStream encrypting = key.encrypting(body, aeadContext)) {
            encrypting.write(compressed);
        }
        byte[] bodyBytes = body.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(bodyBytes.length + 512);
        DataOutputStream header = new DataOutputStream(out);
        header.write(magic);
        header.writeInt(FORMAT_VERSION);
        header.writeUTF(masterKeyId);
        header.writeInt(wrappedKey.length);
        header.write(wrappedKey);
        header.writeLong(length);
        header.write(sha256(bodyBytes));
        header.write(bodyBytes);
        header.flush();
        return out.toByteArray();
    }

    /**
     * Checks and opens a stored object; every failure names it as {@code what}.
     *
     * @param keyContext the context the data key was wrapped under
     * @param aeadContext the associated data the ciphertext is bound to
     */
    public byte[] open(MasterKey masterKey, byte[] keyContext, byte[] aeadContext, InputStream stored, String what)
            throws IOException {
        DataInputStream in = new DataInputStream(stored);
        if (!Arrays.equals(in.readNBytes(magic.length), magic)) {
            throw new IOException(what + " is not a Lifeboat " + kind + " object (bad magic)");
        }
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new IOException(what + " has format version " + version + ", this agent reads " + FORMAT_VERSION);
        }
        String keyId = in.readUTF();
        if (!keyId.equals(masterKey.keyId())) {
            throw new IOException(what + " was encrypted under master key '" + keyId + "' but this agent holds '"
                    + masterKey.keyId() + "'");
        }
        byte[] wrapped = in.readNBytes(in.readInt());
        long rawSize = in.readLong();
        if (rawSize < 0 || rawSize > maxRawSize) {
            throw new IOException(what + " claims an impossible raw size of " + rawSize + " bytes");
        }
        byte[] expectedSha = in.readNBytes(32);
        byte[] body = in.readAllBytes();
        if (!MessageDigest.isEqual(expectedSha, sha256(body))) {
            throw new IOException(what + " is corrupt: the SHA-256 of its body does not match its header");
        }
        DataKey dataKey = DataKey.unwrap(masterKey, wrapped, keyContext);
        byte[] compressed;
        try (InputStream decrypting = dataKey.decrypting(new ByteArrayInputStream(body), aeadContext)) {
            compressed = decrypting.readAllBytes();
        }
        byte[] raw = Zstd.decompress(compressed, (int) rawSize);
        if (raw.length != rawSize) {
            throw new IOException(what + " decompressed to " + raw.length + " bytes, its header says " + rawSize);
        }
        return raw;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
