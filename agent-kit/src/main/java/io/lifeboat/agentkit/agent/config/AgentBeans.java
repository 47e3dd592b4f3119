package io.lifeboat.agentkit.agent.config;

import java.io.IOException;
import java.util.Optional;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.lifeboat.agentkit.crypto.MasterKey;
import io.lifeboat.agentkit.crypto.MasterKeySettings;
import io.lifeboat.agentkit.crypto.MasterKeys;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.ObjectStores;
import io.lifeboat.agentkit.storage.StoreSettings;
import io.quarkus.arc.DefaultBean;

/**
 * Builds the object store, master key and artifact pipeline beans from {@link AgentConfig}; an agent (or a test) may
 * replace any of them with its own bean.
 */
@Singleton
public class AgentBeans {

    @Produces
    @Singleton
    @DefaultBean
    StoreSettings storeSettings(AgentConfig config) {
        AgentConfig.Store store = config.store();
        StoreSettings.Driver driver = StoreSettings.Driver.parse(store.driver());
        if (driver == StoreSettings.Driver.LOCAL) {
            return StoreSettings.local(store.localRoot());
        }
        StoreSettings settings = StoreSettings.s3(store.s3Bucket().orElseThrow(() -> new IllegalArgumentException(
                "lifeboat.agent.store.s3-bucket must be set for the s3 storage driver")))
                .withPrefix(store.s3Prefix().orElse(""));
        if (store.s3Endpoint().isPresent()) {
            settings = settings.withEndpoint(store.s3Endpoint().get(), store.s3PathStyle());
        }
        if (store.s3AccessKey().isPresent() || store.s3SecretKey().isPresent()) {
            settings = settings.withCredentials(store.s3Region().orElse("us-east-1"),
                    store.s3AccessKey().orElse(""), store.s3SecretKey().orElse(""));
        }
        return settings.withTuning(settings.partSize(), settings.partsInFlight(), store.s3MaxAttempts(),
                settings.maxKeysPerPage());
    }

    @Produces
    @Singleton
    @DefaultBean
    ObjectStore objectStore(StoreSettings settings) throws IOException {
        return ObjectStores.create(settings);
    }

    void closeStore(@Disposes ObjectStore store) throws IOException {
        store.close();
    }

    @Produces
    @Singleton
    @DefaultBean
    ArtifactLayout layout() {
        return new ArtifactLayout(Optional.empty());
    }

    @Produces
    @Singleton
    @DefaultBean
    MasterKey masterKey(AgentConfig config) throws IOException {
        AgentConfig.Key key = config.key();
        return MasterKeys.fromSettings(new MasterKeySettings(key.kind(), Optional.of(key.file()), key.kmsKeyId(),
                key.kmsRegion(), key.kmsEndpoint()));
    }

    @Produces
    @Singleton
    @DefaultBean
    ArtifactPipeline pipeline(ObjectStore store, ArtifactLayout layout, MasterKey masterKey, AgentConfig config) {
        return new ArtifactPipeline(store, layout, masterKey, config.pipeline().settings());
    }
}
