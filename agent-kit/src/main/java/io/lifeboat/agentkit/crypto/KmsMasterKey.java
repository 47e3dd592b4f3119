package io.lifeboat.agentkit.crypto;

import java.io.IOException;
import java.util.Map;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;

/**
 * A master key held by AWS KMS: data keys are wrapped with KMS Encrypt and unwrapped with Decrypt, with the backup's
 * target and id as the KMS encryption context (visible in CloudTrail, required to decrypt).
 */
public final class KmsMasterKey implements MasterKey {

    private final KmsClient kms;
    private final String keyId;

    /** Wraps with the KMS key {@code keyId} (id, ARN or alias) through {@code kms}, which the caller owns. */
    public KmsMasterKey(KmsClient kms, String keyId) {
        this.kms = kms;
        this.keyId = keyId;
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public byte[] wrap(byte[] dataKey, byte[] context) throws IOException {
        try {
            return kms.encrypt(EncryptRequest.builder().keyId(keyId).plaintext(SdkBytes.fromByteArray(dataKey))
                    .encryptionContext(encryptionContext(context)).build()).ciphertextBlob().asByteArray();
        } catch (SdkException e) {
            throw new IOException("unable to wrap the data key of " + ArtifactContext.describe(context)
                    + " with KMS key '" + keyId + "': " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] unwrap(byte[] wrappedDataKey, byte[] context) throws IOException {
        try {
            // Naming the key makes KMS refuse a blob of another key instead of silently using that key.
            return kms.decrypt(DecryptRequest.builder().keyId(keyId).ciphertextBlob(SdkBytes.fromByteArray(
                    wrappedDataKey)).encryptionContext(encryptionContext(context)).build()).plaintext().asByteArray();
        } catch (IncorrectKeyException | InvalidCiphertextException e) {
            throw new WrongKeyException("KMS key '" + keyId + "' cannot unwrap the data key of "
                    + ArtifactContext.describe(context) + ": another key wrapped it, or it belongs to another backup ("
                    + e.getMessage() + ")", e);
        } catch (SdkException e) {
            throw new IOException("unable to unwrap the data key of " + ArtifactContext.describe(context)
                    + " with KMS key '" + keyId + "': " + e.getMessage(), e);
        }
    }

    /** {@code lifeboat:target} and {@code lifeboat:backup}, or the raw context when it is not an artifact's. */
    static Map<String, String> encryptionContext(byte[] context) {
        Map<String, String> fields = ArtifactContext.fields(context);
        if (fields.containsKey("target") && fields.containsKey("backup")) {
            return Map.of("lifeboat:target", fields.get("target"), "lifeboat:backup", fields.get("backup"));
        }
        return Map.of("lifeboat:context", java.util.Base64.getEncoder().encodeToString(context));
    }
}
