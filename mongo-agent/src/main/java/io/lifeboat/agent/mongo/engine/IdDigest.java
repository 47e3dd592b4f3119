package io.lifeboat.agent.mongo.engine;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

/**
 * An order-independent digest of a collection's {@code _id}s in constant memory: each {@code _id} is encoded as the
 * canonical BSON document {@code {_id: value}} and hashed with SHA-256; the digests are added modulo 2^256; the
 * result is the SHA-256 of the count (8 bytes, big-endian) followed by that 32-byte sum. Two collections with the
 * same multiset of {@code _id}s give the same digest whatever order they are read in.
 */
public final class IdDigest {

    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);
    private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();

    private final MessageDigest sha256 = sha256();
    private BigInteger sum = BigInteger.ZERO;
    private long count;

    /** Adds the {@code _id} of {@code document}; a document without one counts as {@code _id: null}. */
    public void add(BsonDocument document) {
        BsonValue id = document.get("_id");
        addId(id == null ? org.bson.BsonNull.VALUE : id);
    }

    /** Adds one {@code _id} value. */
    public void addId(BsonValue id) {
        ByteBuffer bytes = new RawBsonDocument(new BsonDocument("_id", id), CODEC).getByteBuffer().asNIO();
        sha256.update(bytes);
        sum = sum.add(new BigInteger(1, sha256.digest()));
        if (sum.bitLength() > 256) {
            sum = sum.mod(MODULUS);
        }
        count++;
    }

    /** How many {@code _id}s were added. */
    public long count() {
        return count;
    }

    /** The digest as 64 hex digits. */
    public String hex() {
        byte[] raw = sum.mod(MODULUS).toByteArray();
        byte[] fixed = new byte[32];
        int from = Math.max(0, raw.length - 32);
        System.arraycopy(raw, from, fixed, 32 - (raw.length - from), raw.length - from);
        sha256.update(ByteBuffer.allocate(8).putLong(count).array());
        sha256.update(fixed);
        String hex = HexFormat.of().formatHex(sha256.digest());
        Arrays.fill(fixed, (byte) 0);
        return hex;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
