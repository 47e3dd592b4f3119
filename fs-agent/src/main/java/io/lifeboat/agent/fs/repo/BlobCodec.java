package io.lifeboat.agent.fs.repo;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdException;

/**
 * Turns a chunk's plaintext into a stored blob and back: zstd (kept only when it shrinks the chunk), then AES-256-GCM
 * with a random nonce and the chunk id as associated data. Decoding checks the tag, decompresses and recomputes the
 * chunk id, so a blob that decodes is the chunk it claims to be. Thread-safe; scratch state is per thread.
 */
public final class BlobCodec {

    /** Bytes a blob adds to its payload: flag, nonce and tag. */
    public static final int OVERHEAD = 1 + 12 + 16;

    static final byte RAW = 0;
    static final byte ZSTD = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final String AES_GCM = "AES/GCM/NoPadding";

    private final RepositoryKeys keys;
    private final SecretKeySpec key;
    private final int level;
    private final SecureRandom random = new SecureRandom();
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    /** A codec with the blob key of {@code keys}, compressing at zstd {@code level}. */
    public BlobCodec(RepositoryKeys keys, int level) {
        this.keys = keys;
        this.key = new SecretKeySpec(keys.blobKey(), "AES");
        this.level = level;
    }

    /** The stored form of {@code length} bytes of {@code plain} from {@code offset}, whose id is {@code id}. */
    public byte[] encode(ChunkId id, byte[] plain, int offset, int length) {
        Scratch s = scratch.get();
        byte[] payload = plain;
        int payloadOffset = offset;
        int payloadLength = length;
        byte flag = RAW;
        int bound = (int) Zstd.compressBound(length);
        byte[] packed = s.compressed(bound);
        int compressed = s.compressor(level).compressByteArray(packed, 0, bound, plain, offset, length);
        if (compressed < length) {
            payload = packed;
            payloadOffset = 0;
            payloadLength = compressed;
            flag = ZSTD;
        }
        byte[] blob = new byte[OVERHEAD + payloadLength];
        blob[0] = flag;
        random.nextBytes(s.nonce);
        System.arraycopy(s.nonce, 0, blob, 1, NONCE);
        try {
            Cipher cipher = s.cipher();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, blob, 1, NONCE));
            cipher.updateAAD(s.aad(id, flag));
            cipher.doFinal(payload, payloadOffset, payloadLength, blob, 1 + NONCE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unable to encrypt chunk " + id.hex() + ": " + e.getMessage(), e);
        }
        return blob;
    }

    /**
     * The plaintext of the blob in {@code blob[offset..offset+length)}, which must decode to {@code rawLength} bytes
     * whose id is {@code id}; throws {@link BadChunkException} naming the chunk and {@code packKey} otherwise.
     */
    public byte[] decode(ChunkId id, byte[] blob, int offset, int length, int rawLength, String packKey)
            throws BadChunkException {
        if (length < OVERHEAD || rawLength < 0) {
            throw new BadChunkException(id, packKey, "blob of " + length + " bytes is shorter than its overhead",
                    null);
        }
        byte flag = blob[offset];
        if (flag != RAW && flag != ZSTD) {
            throw new BadChunkException(id, packKey, "unknown encoding flag " + flag, null);
        }
        Scratch s = scratch.get();
        int payloadLength = length - OVERHEAD;
        byte[] payload = flag == RAW ? new byte[payloadLength] : s.compressed(payloadLength);
        try {
            Cipher cipher = s.cipher();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, blob, offset + 1, NONCE));
            cipher.updateAAD(s.aad(id, flag));
            cipher.doFinal(blob, offset + 1 + NONCE, length - 1 - NONCE, payload, 0);
        } catch (GeneralSecurityException e) {
            throw new BadChunkException(id, packKey, "authentication failed (" + e.getMessage() + ")", e);
        }
        byte[] plain;
        if (flag == RAW) {
            plain = payload;
        } else {
            plain = new byte[rawLength];
            try {
                long n = Zstd.decompressByteArray(plain, 0, rawLength, payload, 0, payloadLength);
                if (n != rawLength) {
                    throw new BadChunkException(id, packKey, "decompressed to " + n + " bytes, the index says "
                            + rawLength, null);
                }
            } catch (ZstdException e) {
                throw new BadChunkException(id, packKey, "zstd failed: " + e.getMessage(), e);
            }
        }
        if (plain.length != rawLength) {
            throw new BadChunkException(id, packKey, "holds " + plain.length + " bytes, the index says " + rawLength,
                    null);
        }
        ChunkId actual = keys.id(plain, 0, plain.length);
        if (!actual.equals(id)) {
            throw new BadChunkException(id, packKey, "its plaintext has id " + actual.hex(), null);
        }
        return plain;
    }

    /** {@code plain} sealed under the blob key with {@code aad}: nonce, ciphertext, tag. */
    byte[] seal(byte[] plain, byte[] aad) {
        Scratch s = scratch.get();
        byte[] sealed = new byte[NONCE + plain.length + TAG_BITS / 8];
        random.nextBytes(s.nonce);
        System.arraycopy(s.nonce, 0, sealed, 0, NONCE);
        try {
            Cipher cipher = s.cipher();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
            cipher.updateAAD(aad);
            cipher.doFinal(plain, 0, plain.length, sealed, NONCE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unable to encrypt repository metadata: " + e.getMessage(), e);
        }
        return sealed;
    }

    /** The plaintext of {@link #seal} output; throws naming {@code what} when it does not authenticate. */
    byte[] open(byte[] sealed, int offset, int length, byte[] aad, String what) throws IOException {
        if (length < NONCE + TAG_BITS / 8) {
            throw new IOException(what + " is too short (" + length + " bytes) to be encrypted metadata");
        }
        try {
            Cipher cipher = scratch.get().cipher();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, offset, NONCE));
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed, offset + NONCE, length - NONCE);
        } catch (GeneralSecurityException e) {
            throw new IOException(what + " does not authenticate under the repository key: " + e.getMessage(), e);
        }
    }

    /** Per-thread reusable state: cipher, zstd context and buffers. */
    private static final class Scratch {
        private final byte[] nonce = new byte[NONCE];
        private final byte[] aad = new byte[ChunkId.BYTES + 1];
        private byte[] compressed = new byte[0];
        private Cipher cipher;
        private ZstdCompressCtx compressor;
        private int compressorLevel;

        Cipher cipher() throws GeneralSecurityException {
            if (cipher == null) {
                cipher = Cipher.getInstance(AES_GCM);
            }
            return cipher;
        }

        ZstdCompressCtx compressor(int level) {
            if (compressor == null || compressorLevel != level) {
                compressor = new ZstdCompressCtx();
                compressor.setLevel(level);
                compressorLevel = level;
            }
            return compressor;
        }

        byte[] compressed(int size) {
            if (compressed.length < size) {
                compressed = new byte[Math.max(size, compressed.length * 2)];
            }
            return compressed;
        }

        byte[] aad(ChunkId id, byte flag) {
            id.writeTo(aad, 0);
            aad[ChunkId.BYTES] = flag;
            return aad;
        }
    }
}
