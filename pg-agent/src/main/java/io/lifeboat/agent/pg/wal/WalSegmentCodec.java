package io.lifeboat.agent.pg.wal;

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

import io.lifeboat.agentkit.crypto.ArtifactContext;
import io.lifeboat.agentkit.crypto.DataKey;
import io.lifeboat.agentkit.crypto.MasterKey;

/**
 * Turns one WAL segment (or the filled head of one, a {@code .partial}) into one self-describing stored object and
 * back: a header with the master key id, the wrapped data key, the raw size and the SHA-256 of the body, then the
 * body, a Tink streaming AEAD ciphertext of one zstd frame.
 */
final class WalSegmentCodec {

    private static final byte[] MAGIC = "LIFEBOAT-WAL".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT_VERSION = 1;
    // Level 1: the archiver re-encodes the filled head of the current segment every second on the thread that reads
    // the stream, so encoding speed bounds how far it can fall behind a busy server (./lifeboat bench pg-rpo); the
    // level is not part of the format, a reader decodes any.
    private static final int ZSTD_LEVEL = 1;
    // Larger than any WAL segment PostgreSQL allows (1 GiB); a bigger raw size is a corrupt header.
    private static final long MAX_RAW_SIZE = 1L << 30;

    private WalSegmentCodec() {
    }

    /** A segment's data key and its wrapped form, made once per segment and reused for its partials. */
    record SegmentKey(DataKey dataKey, String masterKeyId, byte[] wrapped) {

        static SegmentKey generate(MasterKey masterKey, String targetId, String timelineHex, String segment)
                throws IOException {
            DataKey key = DataKey.generate();
            return new SegmentKey(key, masterKey.keyId(),
                    key.wrap(masterKey, keyContext(targetId, timelineHex, segment)));
        }
    }

    static byte[] encode(SegmentKey key, String targetId, String timelineHex, String objectName, byte[] raw,
            int length) throws IOException {
        byte[] compressed = Zstd.compress(Arrays.copyOf(raw, length), ZSTD_LEVEL);
        ByteArrayOutputStream body = new ByteArrayOutputStream(compressed.length + 1024);
        try (OutputStream encrypting = key.dataKey().encrypting(body,
                aeadContext(targetId, timelineHex, objectName))) {
            encrypting.write(compressed);
        }
        byte[] bodyBytes = body.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(bodyBytes.length + 512);
        DataOutputStream header = new DataOutputStream(out);
        header.write(MAGIC);
        header.writeInt(FORMAT_VERSION);
        header.writeUTF(key.masterKeyId());
        header.writeInt(key.wrapped().length);
        header.write(key.wrapped());
        header.writeLong(length);
        header.write(sha256(bodyBytes));
        header.write(bodyBytes);
        header.flush();
        return out.toByteArray();
    }

    static byte[] decode(MasterKey masterKey, String targetId, String timelineHex, String objectName,
            InputStream stored) throws IOException {
        String what = "WAL object '" + objectName + "' of timeline " + timelineHex + " of target '" + targetId + "'";
        DataInputStream in = new DataInputStream(stored);
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException(what + " is not a Lifeboat WAL object (bad magic)");
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
        String segment = objectName.endsWith(WalStore.PARTIAL_SUFFIX)
                ? objectName.substring(0, objectName.length() - WalStore.PARTIAL_SUFFIX.length())
                : objectName;
        DataKey dataKey = DataKey.unwrap(masterKey, wrapped, keyContext(targetId, timelineHex, segment));
        byte[] compressed;
        try (InputStream decrypting = dataKey.decrypting(new ByteArrayInputStream(body),
                aeadContext(targetId, timelineHex, objectName))) {
            compressed = decrypting.readAllBytes();
        }
        byte[] raw = Zstd.decompress(compressed, (int) rawSize);
        if (raw.length != rawSize) {
            throw new IOException(what + " decompressed to " + raw.length + " bytes, its header says " + rawSize);
        }
        return raw;
    }

    // The data key is bound to the segment, so a partial and the full segment share it.
    private static byte[] keyContext(String targetId, String timelineHex, String segment) {
        return ArtifactContext.of(targetId, "wal/" + timelineHex + "/" + segment);
    }

    // The ciphertext is bound to the object name, so a partial cannot pass for the full segment or another one.
    private static byte[] aeadContext(String targetId, String timelineHex, String objectName) {
        return ArtifactContext.of(targetId, "wal/" + timelineHex + "/" + objectName);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
