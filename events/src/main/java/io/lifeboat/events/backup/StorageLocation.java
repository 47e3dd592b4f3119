package io.lifeboat.events.backup;

import io.lifeboat.events.Require;

/**
 * Where an artifact is stored: an object-store bucket (or local store root) and a key prefix.
 *
 * @param bucket name of the bucket, or of the root directory for the local object store
 * @param prefix key prefix under which the manifest and all parts of the artifact are stored
 */
public record StorageLocation(String bucket, String prefix) {

    /**
     * Validates that both parts are present.
     */
    public StorageLocation {
        Require.nonBlank(bucket, "StorageLocation.bucket");
        Require.nonBlank(prefix, "StorageLocation.prefix");
    }

    /**
     * Returns the location as a URI such as {@code s3://lifeboat-backups/orders-db/b-1/}.
     *
     * @return the location URI string
     */
    public String toUri() {
        return "s3://" + bucket + "/" + prefix;
    }
}
