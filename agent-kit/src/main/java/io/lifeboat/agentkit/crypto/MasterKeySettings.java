package io.lifeboat.agentkit.crypto;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Which master key an agent uses: a local key file (the default) or an AWS KMS key.
 *
 * @param kind {@code local} or {@code kms}
 * @param keyFile the local key file (kind {@code local})
 * @param kmsKeyId the KMS key id, ARN or alias (kind {@code kms})
 * @param kmsRegion the KMS region (kind {@code kms}; empty: the SDK's default region chain)
 * @param kmsEndpoint an endpoint override, e.g. a VPC endpoint (kind {@code kms})
 */
public record MasterKeySettings(String kind, Optional<Path> keyFile, Optional<String> kmsKeyId,
        Optional<String> kmsRegion, Optional<URI> kmsEndpoint) {

    /** Requires every field (optionals may be empty). */
    public MasterKeySettings {
        Objects.requireNonNull(kind, "MasterKeySettings.kind");
        Objects.requireNonNull(keyFile, "MasterKeySettings.keyFile");
        Objects.requireNonNull(kmsKeyId, "MasterKeySettings.kmsKeyId");
        Objects.requireNonNull(kmsRegion, "MasterKeySettings.kmsRegion");
        Objects.requireNonNull(kmsEndpoint, "MasterKeySettings.kmsEndpoint");
    }

    /** A local key file at {@code file}, created on first use. */
    public static MasterKeySettings localFile(Path file) {
        return new MasterKeySettings("local", Optional.of(file), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The KMS key {@code keyId} in {@code region}. */
    public static MasterKeySettings kms(String keyId, String region) {
        return new MasterKeySettings("kms", Optional.empty(), Optional.of(keyId), Optional.of(region),
                Optional.empty());
    }
}
