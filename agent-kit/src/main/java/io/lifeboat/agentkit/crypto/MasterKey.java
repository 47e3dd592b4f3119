package io.lifeboat.agentkit.crypto;

import java.io.IOException;

/**
 * The key that wraps every backup's data key: AWS KMS when configured, otherwise a local key file. Only wrapped
 * data keys are ever stored, in the manifest next to the artifact they unlock.
 */
public interface MasterKey {

    /** A stable id of this master key (a KMS key ARN, or the local key file's key id), recorded in manifests. */
    String keyId();

    /**
     * Encrypts a data key; {@code context} (the backup's target and id) is bound to the result, so a wrapped key
     * copied to another backup's manifest does not unwrap.
     */
    byte[] wrap(byte[] dataKey, byte[] context) throws IOException;

    /** Decrypts a wrapped data key; throws {@link WrongKeyException} when this master key did not wrap it. */
    byte[] unwrap(byte[] wrappedDataKey, byte[] context) throws IOException;
}
