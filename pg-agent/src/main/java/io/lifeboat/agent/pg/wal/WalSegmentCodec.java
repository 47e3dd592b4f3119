package io.lifeboat.agent.pg.wal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import io.lifeboat.agentkit.crypto.ArtifactContext;
import io.lifeboat.agentkit.crypto.DataKey;
import io.lifeboat.agentkit.crypto.MasterKey;
import io.lifeboat.agentkit.crypto.SealedObject;

/**
 * Turns one WAL segment (or the filled head of one, a {@code .partial}) into one {@link SealedObject} and back.
 */
final class WalSegmentCodec {

    // Larger than any WAL segment PostgreSQL allows (1 GiB); a bigger raw size is a corrupt header.
    private static final SealedObject FORMAT = SealedObject.of("LIFEBOAT-WAL", "WAL", 1L << 30);
    // Level 1: the archiver re-encodes the filled head of the current segment every second on the thread that reads
    // the stream, so encoding speed bounds how far it can fall behind a busy server (./lifeboat bench pg-rpo); the
    // level is not part of the format, a reader decodes any.
    private static final int ZSTD_LEVEL = 1;

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
        return FORMAT.seal(key.dataKey(), key.masterKeyId(), key.wrapped(), aeadContext(targetId, timelineHex,
                objectName), raw, length, ZSTD_LEVEL);
    }

    static byte[] decode(MasterKey masterKey, String targetId, String timelineHex, String objectName,
            InputStream stored) throws IOException {
        String segment = objectName.endsWith(WalStore.PARTIAL_SUFFIX)
                ? objectName.substring(0, objectName.length() - WalStore.PARTIAL_SUFFIX.length())
                : objectName;
        return FORMAT.open(masterKey, keyContext(targetId, timelineHex, segment), aeadContext(targetId, timelineHex,
                objectName), stored,
                "WAL object '" + objectName + "' of timeline " + timelineHex + " of target '"
                        + targetId + "'");
    }

    /**
     * The raw size a stored object's header declares, read without the key: the header fields that precede it are
     * those {@link SealedObject} writes ({@code magic, int version, UTF key id, int n, n wrapped key bytes}).
     */
    static long rawSize(InputStream stored, String what) throws IOException {
        DataInputStream in = new DataInputStream(stored);
        if (!Arrays.equals(in.readNBytes(FORMAT.magic().length), FORMAT.magic())) {
            throw new IOException(what + " is not a Lifeboat WAL object (bad magic)");
        }
        in.readInt();
        in.readUTF();
        in.skipNBytes(in.readInt());
        return in.readLong();
    }

    // The data key is bound to the segment, so a partial and the full segment share it.
    private static byte[] keyContext(String targetId, String timelineHex, String segment) {
        return ArtifactContext.of(targetId, "wal/" + timelineHex + "/" + segment);
    }

    // The ciphertext is bound to the object name, so a partial cannot pass for the full segment or another one.
    private static byte[] aeadContext(String targetId, String timelineHex, String objectName) {
        return ArtifactContext.of(targetId, "wal/" + timelineHex + "/" + objectName);
    }
}
