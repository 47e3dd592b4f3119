package io.lifeboat.agent.mongo.oplog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.RawBsonDocument;

import com.github.luben.zstd.Zstd;

import io.lifeboat.agentkit.crypto.ArtifactContext;
import io.lifeboat.agentkit.crypto.DataKey;
import io.lifeboat.agentkit.crypto.MasterKey;

/**
 * Turns the entries of one oplog slice into one self-describing stored object and back: a header with the master key
 * id, the wrapped data key, the raw size and the SHA-256 of the body, then the body, a Tink streaming AEAD ciphertext
 * of one zstd frame of the entries as a BSON stream (length-prefixed documents, like a {@code .bson} file).
 */
final class OplogSliceCodec {

    private static final byte[] MAGIC = "LIFEBOAT-OPLOG".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT_VERSION = 1;
    private static final int ZSTD_LEVEL = 3;
    // A slice is built in memory (at most flush-entries entries of at most 16 MiB each); anything above 1 GiB is a
    // corrupt header.
    private static final long MAX_RAW_SIZE = 1L << 30;

    private OplogSliceCodec() {
    }

    /** The raw BSON stream of {@code entries}. */
    static byte[] bsonStream(List<? extends BsonDocument> entries) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (BsonDocument entry : entries) {
            RawBsonDocument doc = entry instanceof RawBsonDocument r ? r : RawBsonDocument.parse(entry.toJson());
            ByteBuffer bytes = doc.getByteBuffer().asNIO();
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            raw.writeBytes(copy);
        }
        return raw.toByteArray();
    }

    /** The documents of a raw BSON stream, in order; throws when a length prefix runs past the end. */
    static List<RawBsonDocument> entries(byte[] raw, String what) throws IOException {
        List<RawBsonDocument> entries = new ArrayList<>();
        int offset = 0;
        while (offset < raw.length) {
            if (raw.length - offset < 5) {
                throw new IOException(what + " ends with " + (raw.length - offset) + " stray bytes");
            }
            int length = ByteBuffer.wrap(raw, offset, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (length < 5 || length > raw.length - offset) {
                throw new IOException(what + " holds a BSON document of impossible length " + length + " at byte "
                        + offset);
            }
            entries.add(new RawBsonDocument(raw, offset, length));
            offset += length;
        }
        return entries;
    }

    static byte[] encode(MasterKey masterKey, String targetId, String objectName, byte[] raw) throws IOException {
        DataKey key = DataKey.generate();
        byte[] wrapped = key.wrap(masterKey, context(targetId, objectName));
        byte[] compressed = Zstd.compress(raw, ZSTD_LEVEL);
        ByteArrayOutputStream body = new ByteArrayOutputStream(compressed.length + 1024);
        try (OutputStream encrypting = key.encrypting(body, context(targetId, objectName))) {
            encrypting.write(compressed);
        }
        byte[] bodyBytes = body.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(bodyBytes.length + 512);
        DataOutputStream header = new DataOutputStream(out);
        header.write(MAGIC);
        header.writeInt(FORMAT_VERSION);
        header.writeUTF(masterKey.keyId());
        header.writeInt(wrapped.length);
        header.write(wrapped);
        header.writeLong(raw.length);
        header.write(sha256(bodyBytes));
        header.write(bodyBytes);
        header.flush();
        return out.toByteArray();
    }

    static byte[] decode(MasterKey masterKey, String targetId, String objectName, InputStream stored)
            throws IOException {
        String what = "oplog object '" + objectName + "' of target '" + targetId + "'";
        DataInputStream in = new DataInputStream(stored);
        if (!Arrays.equals(in.readNBytes(MAGIC.length), MAGIC)) {
            throw new IOException(what + " is not a Lifeboat oplog object (bad magic)");
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
        if (rawSize < 0 || rawSize > MAX_RAW_SIZE) {
            throw new IOException(what + " claims an impossible raw size of " + rawSize + " bytes");
        }
        byte[] expectedSha = in.readNBytes(32);
        byte[] body = in.readAllBytes();
        if (!MessageDigest.isEqual(expectedSha, sha256(body))) {
            throw new IOException(what + " is corrupt: the SHA-256 of its body does not match its header");
        }
        DataKey dataKey = DataKey.unwrap(masterKey, wrapped, context(targetId, objectName));
        byte[] compressed;
        try (InputStream decrypting = dataKey.decrypting(new ByteArrayInputStream(body),
                context(targetId, objectName))) {
            compressed = decrypting.readAllBytes();
        }
        byte[] raw = Zstd.decompress(compressed, (int) rawSize);
        if (raw.length != rawSize) {
            throw new IOException(what + " decompressed to " + raw.length + " bytes, its header says " + rawSize);
        }
        return raw;
    }

    // One data key per slice, bound (wrapping context and AEAD associated data) to the target and the object name,
    // so one slice cannot pass for another.
    private static byte[] context(String targetId, String objectName) {
        return ArtifactContext.of(targetId, "oplog/" + objectName);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
