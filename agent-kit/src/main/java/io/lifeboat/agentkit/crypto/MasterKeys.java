package io.lifeboat.agentkit.crypto;

import java.io.IOException;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;

/** Builds the master key that {@link MasterKeySettings} describe. */
public final class MasterKeys {

    private MasterKeys() {
    }

    /** A {@link LocalKeyFileMasterKey} or a {@link KmsMasterKey}; fails naming the missing or unknown setting. */
    public static MasterKey fromSettings(MasterKeySettings settings) throws IOException {
        switch (settings.kind()) {
            case "local" :
                return LocalKeyFileMasterKey.openOrCreate(settings.keyFile().orElseThrow(
                        () -> new IllegalArgumentException("master key kind 'local' needs a key file")));
            case "kms" :
                String keyId = settings.kmsKeyId().orElseThrow(
                        () -> new IllegalArgumentException("master key kind 'kms' needs a KMS key id"));
                KmsClientBuilder builder = KmsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
                settings.kmsRegion().map(Region::of).ifPresent(builder::region);
                settings.kmsEndpoint().ifPresent(builder::endpointOverride);
                return new KmsMasterKey(builder.build(), keyId);
            default :
                throw new IllegalArgumentException("unknown master key kind '" + settings.kind()
                        + "': expected 'local' or 'kms'");
        }
    }
}
