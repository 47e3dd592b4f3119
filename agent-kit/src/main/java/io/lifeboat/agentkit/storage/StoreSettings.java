package io.lifeboat.agentkit.storage;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to open an object store: which driver, and for the local driver its root directory, for the S3
 * driver the endpoint, bucket, prefix, region, credentials, addressing, multipart sizes, retries, listing page size,
 * storage-class mapping and Object Lock mode.
 *
 * @param driver {@code local} or {@code s3}
 * @param localRoot root directory of the local driver
 * @param endpoint S3 endpoint; empty means AWS for the region
 * @param bucket S3 bucket
 * @param prefix key prefix inside the bucket, so the location is {@code s3://bucket/prefix}; empty for none
 * @param region S3 region; empty means the SDK's default region chain
 * @param accessKey static access key; empty (with the secret key) means the SDK's default credentials chain
 * @param secretKey static secret key
 * @param pathStyle path-style URLs ({@code endpoint/bucket/key}), as most S3-compatible servers want
 * @param partSize bytes per multipart part, at least 5 MiB
 * @param partsInFlight parts of one upload sent at once; a writer blocks when all are busy
 * @param maxAttempts attempts per S3 request, retries included (SDK standard retry mode)
 * @param maxKeysPerPage keys asked for per listing page (S3 returns at most 1000)
 * @param storageClassMapping S3 storage class of each tier
 * @param lockMode Object Lock mode applied with a retention date when the bucket has Object Lock enabled
 */
public record StoreSettings(Driver driver, Path localRoot, Optional<URI> endpoint, String bucket, String prefix,
        Optional<String> region, Optional<String> accessKey, Optional<String> secretKey, boolean pathStyle,
        int partSize, int partsInFlight, int maxAttempts, int maxKeysPerPage, StorageClassMapping storageClassMapping,
        LockMode lockMode) {

    /** The smallest part S3 accepts (except the last one). */
    public static final int MIN_PART_SIZE = 5 * 1024 * 1024;
    /** Part size unless configured. */
    public static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;
    /**
     * Attempts per S3 request unless configured. The SDK's own default, 3, gives up on one request in a thousand when
     * a store fails 10 % of requests, and a backup sends dozens: a backup tool rides out a flaky store instead (restic
     * retries for up to 15 minutes). With the standard strategy's jittered backoff (from 100 ms, 1 s when throttled,
     * doubling up to 20 s) 10 attempts wait at most about 45 s, 2 minutes when throttled, and its retry quota still
     * stops retrying when most requests fail.
     */
    public static final int DEFAULT_MAX_ATTEMPTS = 10;

    /** The storage driver. */
    public enum Driver {
        /** A directory on a local or mounted file system (the embedded default). */
        LOCAL,
        /** An S3 bucket on AWS or any S3-compatible server. */
        S3;

        /** {@code local} or {@code s3}, in any case. */
        public static Driver parse(String name) {
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("storage driver '" + name + "' is unknown; use local or s3", e);
            }
        }
    }

    /** S3 Object Lock retention modes. */
    public enum LockMode {
        /** Users with {@code s3:BypassGovernanceRetention} may still delete or shorten retention. */
        GOVERNANCE,
        /** Nobody, root included, can delete the object or shorten its retention before it ends. */
        COMPLIANCE
    }

    /** Checks every setting the chosen driver uses. */
    public StoreSettings {
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(storageClassMapping, "storageClassMapping");
        Objects.requireNonNull(lockMode, "lockMode");
        prefix = prefix == null ? "" : prefix.strip().replaceAll("^/+|/+$", "");
        if (driver == Driver.LOCAL && localRoot == null) {
            throw new IllegalArgumentException("the local storage driver needs a root directory");
        }
        if (driver == Driver.S3 && (bucket == null || bucket.isBlank())) {
            throw new IllegalArgumentException("the s3 storage driver needs a bucket");
        }
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw new IllegalArgumentException("S3 credentials need both an access key and a secret key, or neither");
        }
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("part size " + partSize + " is below the S3 minimum " + MIN_PART_SIZE);
        }
        requireAtLeast("parts in flight", partsInFlight, 1);
        requireAtLeast("max attempts", maxAttempts, 1);
        requireAtLeast("max keys per page", maxKeysPerPage, 1);
    }

    /** The local driver on {@code root}. */
    public static StoreSettings local(Path root) {
        return new StoreSettings(Driver.LOCAL, root, Optional.empty(), null, "", Optional.empty(), Optional.empty(),
                Optional.empty(), false, DEFAULT_PART_SIZE, 4, DEFAULT_MAX_ATTEMPTS, 1000, StorageClassMapping.DEFAULT,
                LockMode.GOVERNANCE);
    }

    /** The S3 driver on {@code bucket} with AWS endpoints, default credentials and default tuning. */
    public static StoreSettings s3(String bucket) {
        return new StoreSettings(Driver.S3, null, Optional.empty(), bucket, "", Optional.empty(), Optional.empty(),
                Optional.empty(), false, DEFAULT_PART_SIZE, 4, DEFAULT_MAX_ATTEMPTS, 1000, StorageClassMapping.DEFAULT,
                LockMode.GOVERNANCE);
    }

    /** These settings with an S3-compatible endpoint and path-style addressing on or off. */
    public StoreSettings withEndpoint(URI newEndpoint, boolean newPathStyle) {
        return new StoreSettings(driver, localRoot, Optional.of(newEndpoint), bucket, prefix, region, accessKey,
                secretKey, newPathStyle, partSize, partsInFlight, maxAttempts, maxKeysPerPage, storageClassMapping,
                lockMode);
    }

    /** These settings with a key prefix inside the bucket. */
    public StoreSettings withPrefix(String newPrefix) {
        return new StoreSettings(driver, localRoot, endpoint, bucket, newPrefix, region, accessKey, secretKey,
                pathStyle, partSize, partsInFlight, maxAttempts, maxKeysPerPage, storageClassMapping, lockMode);
    }

    /** These settings with a region and static credentials. */
    public StoreSettings withCredentials(String newRegion, String newAccessKey, String newSecretKey) {
        return new StoreSettings(driver, localRoot, endpoint, bucket, prefix, Optional.of(newRegion),
                Optional.of(newAccessKey), Optional.of(newSecretKey), pathStyle, partSize, partsInFlight, maxAttempts,
                maxKeysPerPage, storageClassMapping, lockMode);
    }

    /** These settings with other multipart, retry and listing sizes. */
    public StoreSettings withTuning(int newPartSize, int newPartsInFlight, int newMaxAttempts,
            int newMaxKeysPerPage) {
        return new StoreSettings(driver, localRoot, endpoint, bucket, prefix, region, accessKey, secretKey, pathStyle,
                newPartSize, newPartsInFlight, newMaxAttempts, newMaxKeysPerPage, storageClassMapping, lockMode);
    }

    /** These settings with another storage-class mapping and Object Lock mode. */
    public StoreSettings withClasses(StorageClassMapping newMapping, LockMode newLockMode) {
        return new StoreSettings(driver, localRoot, endpoint, bucket, prefix, region, accessKey, secretKey, pathStyle,
                partSize, partsInFlight, maxAttempts, maxKeysPerPage, newMapping, newLockMode);
    }

    private static void requireAtLeast(String what, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(what + " is " + value + "; it must be at least " + min);
        }
    }
}
