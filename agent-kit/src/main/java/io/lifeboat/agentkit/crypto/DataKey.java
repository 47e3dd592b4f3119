package io.lifeboat.agentkit.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingKey;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;

/**
 * One backup's data key: a fresh Tink streaming AEAD keyset ({@value #TEMPLATE}) that encrypts the artifact and is
 * stored only wrapped by the master key. Associated data is the {@link ArtifactContext} of the backup.
 */
public final class DataKey {

    /**
     * The Tink template: AES-256-GCM with HKDF-derived per-stream keys and 1 MiB ciphertext segments. 1 MiB rather
     * than 4 KiB because every segment costs a key schedule, a cipher initialisation and a 16-byte tag: with 4 KiB
     * segments that overhead dominates and halves throughput, with 1 MiB it vanishes.
     */
    public static final String TEMPLATE = "AES256_GCM_HKDF_1MB";

    /** Bytes of one ciphertext segment; parts are multiples of it so that no segment spans two parts. */
    public static final int SEGMENT_SIZE = 1 << 20;

    private final KeysetHandle keyset;
    private final StreamingAead aead;

    private DataKey(KeysetHandle keyset) throws GeneralSecurityException {
        this.keyset = keyset;
        // The primitive of the one key, not the keyset wrapper: the wrapper's decrypting stream swallows the first
        // read's IOException while it tries other keys, which would hide the cause of a failed restore.
        this.aead = AesGcmHkdfStreaming.create((AesGcmHkdfStreamingKey) keyset.getPrimary().getKey());
    }

    /** A new random data key. */
    public static DataKey generate() throws IOException {
        TinkSetup.register();
        try {
            return new DataKey(KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB));
        } catch (GeneralSecurityException e) {
            throw new IOException("unable to generate a data key (" + TEMPLATE + "): " + e.getMessage(), e);
        }
    }

    /** Unwraps a data key stored in a manifest; {@link WrongKeyException} when {@code masterKey} did not wrap it. */
    public static DataKey unwrap(MasterKey masterKey, byte[] wrapped, byte[] context) throws IOException {
        TinkSetup.register();
        byte[] serialized = masterKey.unwrap(wrapped, context);
        try {
            return new DataKey(TinkProtoKeysetFormat.parseKeyset(serialized, InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IOException("the data key of " + ArtifactContext.describe(context)
                    + " unwrapped but is not a " + TEMPLATE + " keyset: " + e.getMessage(), e);
        }
    }

    /** The keyset serialized and wrapped by {@code masterKey} for {@code context}. */
    public byte[] wrap(MasterKey masterKey, byte[] context) throws IOException {
        try {
            return masterKey.wrap(TinkProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()),
                    context);
        } catch (GeneralSecurityException e) {
            throw new IOException("unable to serialize the data key of " + ArtifactContext.describe(context) + ": "
                    + e.getMessage(), e);
        }
    }

    /** A stream that encrypts into {@code ciphertext}; closing it writes the last segment and closes the target. */
    public OutputStream encrypting(OutputStream ciphertext, byte[] context) throws IOException {
        try {
            return aead.newEncryptingStream(ciphertext, context);
        } catch (GeneralSecurityException e) {
            throw new IOException("unable to start encrypting " + ArtifactContext.describe(context) + ": "
                    + e.getMessage(), e);
        }
    }

    /** A stream that releases plaintext of {@code ciphertext} only segment by segment, each after it authenticates. */
    public InputStream decrypting(InputStream ciphertext, byte[] context) throws IOException {
        try {
            return aead.newDecryptingStream(ciphertext, context);
        } catch (GeneralSecurityException e) {
            throw new IOException("unable to start decrypting " + ArtifactContext.describe(context) + ": "
                    + e.getMessage(), e);
        }
    }
}
