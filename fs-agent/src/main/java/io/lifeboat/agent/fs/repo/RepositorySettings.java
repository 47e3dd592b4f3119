package io.lifeboat.agent.fs.repo;

import java.time.Duration;
import java.util.Objects;

/**
 * How a chunk repository stores and reclaims chunks.
 *
 * @param zstdLevel zstd level of blobs (3 by default)
 * @param packSize target size of a pack in bytes (16 MiB by default)
 * @param uploadThreads threads that store full packs off the callers' threads, and load indexes on open
 * @param packsInFlight full packs allowed to wait for or be in upload at once; adders block beyond it
 * @param repackThreshold share of unreferenced bytes above which {@link Sweep} rewrites a pack (0: any)
 * @param lockMaxAge age after which a lock is stale and ignored
 */
public record RepositorySettings(int zstdLevel, int packSize, int uploadThreads, int packsInFlight,
        double repackThreshold, Duration lockMaxAge) {

    /** Level 3, 16 MiB packs, 2 upload threads, 4 packs in flight, repack on any garbage, locks stale after 24 h. */
    public static final RepositorySettings DEFAULT = new RepositorySettings(3, 16 * 1024 * 1024, 2, 4, 0.0,
            Duration.ofHours(24));

    /** Checks every bound. */
    public RepositorySettings {
        Objects.requireNonNull(lockMaxAge, "RepositorySettings.lockMaxAge");
        if (zstdLevel < 1 || zstdLevel > 22) {
            throw new IllegalArgumentException("zstd level must be 1..22, got " + zstdLevel);
        }
        if (packSize < 1024 || packSize > 1 << 30) {
            throw new IllegalArgumentException("pack size must be 1 KiB..1 GiB, got " + packSize);
        }
        if (uploadThreads < 1 || packsInFlight < 1) {
            throw new IllegalArgumentException("upload threads and packs in flight must be at least 1, got "
                    + uploadThreads + " and " + packsInFlight);
        }
        if (!(repackThreshold >= 0 && repackThreshold < 1)) {
            throw new IllegalArgumentException("repack threshold must be in [0, 1), got " + repackThreshold);
        }
        if (lockMaxAge.isNegative() || lockMaxAge.isZero()) {
            throw new IllegalArgumentException("lock max age must be positive, got " + lockMaxAge);
        }
    }

    /** These settings with packs of {@code bytes}. */
    public RepositorySettings withPackSize(int bytes) {
        return new RepositorySettings(zstdLevel, bytes, uploadThreads, packsInFlight, repackThreshold, lockMaxAge);
    }

    /** These settings with repacking above {@code share} of unreferenced bytes. */
    public RepositorySettings withRepackThreshold(double share) {
        return new RepositorySettings(zstdLevel, packSize, uploadThreads, packsInFlight, share, lockMaxAge);
    }
}
