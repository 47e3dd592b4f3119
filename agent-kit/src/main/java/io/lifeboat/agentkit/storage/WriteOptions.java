package io.lifeboat.agentkit.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How to store one object.
 *
 * @param storageClass the tier to store it in
 * @param retainUntil with S3 Object Lock enabled on the bucket, the object cannot be deleted or overwritten before
 *        this instant (empty: the bucket's default retention, if any)
 */
public record WriteOptions(StorageClass storageClass, Optional<Instant> retainUntil) {

    /** Hot storage with no explicit retention. */
    public static final WriteOptions HOT = new WriteOptions(StorageClass.HOT, Optional.empty());

    /** Requires both fields. */
    public WriteOptions {
        Objects.requireNonNull(storageClass, "WriteOptions.storageClass");
        Objects.requireNonNull(retainUntil, "WriteOptions.retainUntil");
    }

    /** Options for {@code storageClass} with no explicit retention. */
    public static WriteOptions of(StorageClass storageClass) {
        return new WriteOptions(storageClass, Optional.empty());
    }
}
