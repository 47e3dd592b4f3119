package io.lifeboat.agent.mongo.oplog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.RawBsonDocument;

import io.lifeboat.agentkit.crypto.ArtifactContext;
import io.lifeboat.agentkit.crypto.DataKey;
import io.lifeboat.agentkit.crypto.MasterKey;
import io.lifeboat.agentkit.crypto.SealedObject;

/**
 * Turns the entries of one oplog slice into one {@link SealedObject} and back; the raw bytes are the entries as a BSON
 * stream (length-prefixed documents, like a {@code .bson} file).
 */
final class OplogSliceCodec {

    private static final int ZSTD_LEVEL = 3;
    // A slice is built in memory (at most flush-entries entries of at most 16 MiB each); anything above 1 GiB is a
    // corrupt header.
    private static final SealedObject FORMAT = SealedObject.of("LIFEBOAT-OPLOG", "oplog", 1L << 30);

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
        byte[] context = context(targetId, objectName);
        return FORMAT.seal(key, masterKey.keyId(), key.wrap(masterKey, context), context, raw, raw.length,
                ZSTD_LEVEL);
    }

    static byte[] decode(MasterKey masterKey, String targetId, String objectName, InputStream stored)
            throws IOException {
        byte[] context = context(targetId, objectName);
        return FORMAT.open(masterKey, context, context, stored, "oplog object '" + objectName + "' of target '"
                + targetId + "'");
    }

    // One data key per slice, bound (wrapping context and AEAD associated data) to the target and the object name,
    // so one slice cannot pass for another.
    private static byte[] context(String targetId, String objectName) {
        return ArtifactContext.of(targetId, "oplog/" + objectName);
    }
}
