package io.lifeboat.cli.decrypt;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.lifeboat.agentkit.crypto.LocalKeyFileMasterKey;
import io.lifeboat.agentkit.crypto.MasterKey;
import io.lifeboat.agentkit.crypto.MasterKeySettings;
import io.lifeboat.agentkit.crypto.MasterKeys;

/**
 * The master key that unwraps the backups' data keys: the agents' local key file, or their AWS KMS key.
 *
 * @param keyFile the local key file ({@code --key})
 * @param kmsKeyId the KMS key id, ARN or alias ({@code --kms-key-id})
 * @param kmsRegion the KMS region
 * @param kmsEndpoint a KMS endpoint override
 */
public record MasterKeyOptions(Optional<Path> keyFile, Optional<String> kmsKeyId, Optional<String> kmsRegion,
        Optional<URI> kmsEndpoint) {

    /** Whether a key was given at all. */
    public boolean given() {
        return keyFile.isPresent() || kmsKeyId.isPresent();
    }

    /**
     * Loads the key. A missing key file is an error, never created: a new key would decrypt nothing, and the message
     * must say that the agents' key file is needed.
     */
    public MasterKey load() throws IOException {
        if (keyFile.isPresent() == kmsKeyId.isPresent()) {
            throw new IllegalArgumentException("give either --key (a local master key file) or --kms-key-id");
        }
        if (kmsKeyId.isPresent()) {
            return MasterKeys.fromSettings(
                    new MasterKeySettings("kms", Optional.empty(), kmsKeyId, kmsRegion, kmsEndpoint));
        }
        Path file = keyFile.get();
        if (!Files.isRegularFile(file)) {
            throw new IOException("master key file '" + file + "' does not exist; decrypt needs the key file the"
                    + " agents used (lifeboat.agent.key.file)");
        }
        return LocalKeyFileMasterKey.openOrCreate(file);
    }
}
