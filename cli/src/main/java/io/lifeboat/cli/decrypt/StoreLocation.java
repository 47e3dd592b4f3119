package io.lifeboat.cli.decrypt;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.ObjectStores;
import io.lifeboat.agentkit.storage.StoreSettings;

/**
 * Where the backups are, as given on the command line: a local store directory, or {@code s3://bucket/prefix} on AWS
 * or, with an endpoint, any S3-compatible server. S3 credentials come from the AWS SDK's default chain (the standard
 * {@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY} environment variables, profiles, instance roles).
 *
 * @param store the {@code --store} argument
 * @param endpoint the S3 endpoint of an S3-compatible server; path-style addressing is used with it
 * @param region the S3 region; without one, {@code AWS_REGION} and the SDK's chain, or {@code us-east-1} when an
 *        endpoint is given (S3-compatible servers rarely care)
 */
public record StoreLocation(String store, Optional<URI> endpoint, Optional<String> region) {

    private static final String S3_SCHEME = "s3://";

    /** The settings of the store this location names; fails naming the argument when it cannot be one. */
    public StoreSettings settings() {
        if (!store.startsWith(S3_SCHEME)) {
            if (endpoint.isPresent()) {
                throw new IllegalArgumentException("--endpoint " + endpoint.get() + " needs an s3:// store, but --store"
                        + " is the directory '" + store + "'");
            }
            return StoreSettings.local(Path.of(store));
        }
        String rest = store.substring(S3_SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.isBlank()) {
            throw new IllegalArgumentException("store '" + store + "' names no bucket; expected s3://bucket/prefix");
        }
        StoreSettings settings = StoreSettings.s3(bucket).withPrefix(prefix);
        if (endpoint.isPresent()) {
            settings = settings.withEndpoint(endpoint.get(), true);
        }
        Optional<String> chosenRegion = region.or(() -> endpoint.isPresent() && System.getenv("AWS_REGION") == null
                ? Optional.of("us-east-1")
                : Optional.empty());
        return new StoreSettings(settings.driver(), settings.localRoot(), settings.endpoint(), settings.bucket(),
                settings.prefix(), chosenRegion, settings.accessKey(), settings.secretKey(), settings.pathStyle(),
                settings.partSize(), settings.partsInFlight(), settings.maxAttempts(), settings.maxKeysPerPage(),
                settings.storageClassMapping(), settings.lockMode());
    }

    /**
     * Opens the store for reading. A local directory must exist: the local driver would otherwise create an empty
     * store, and a mistyped path would look like a store without backups.
     */
    public ObjectStore open() throws IOException {
        StoreSettings settings = settings();
        if (settings.driver() == StoreSettings.Driver.LOCAL && !Files.isDirectory(settings.localRoot())) {
            throw new IOException("store directory '" + settings.localRoot() + "' does not exist or is not a"
                    + " directory");
        }
        return ObjectStores.create(settings);
    }
}
