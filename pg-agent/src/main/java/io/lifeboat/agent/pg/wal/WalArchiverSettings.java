package io.lifeboat.agent.pg.wal;

import java.time.Duration;
import java.util.Objects;

import io.lifeboat.events.backup.StorageLocation;

/**
 * What one {@link WalArchiver} streams from and how often it reports.
 *
 * @param targetId the target whose WAL is archived
 * @param jdbcUrl {@code jdbc:postgresql://host:port/db} of the server to stream from
 * @param user a role with the REPLICATION attribute
 * @param password the role's password
 * @param slotName the physical replication slot that keeps WAL until it is stored (created when missing)
 * @param location where the WAL is stored, for progress reports
 * @param partialInterval how often the segment being filled is stored as {@code .partial} when it changed
 * @param progressInterval how often progress is reported
 */
public record WalArchiverSettings(String targetId, String jdbcUrl, String user, String password, String slotName,
        StorageLocation location, Duration partialInterval, Duration progressInterval) {

    /** Requires every field. */
    public WalArchiverSettings {
        Objects.requireNonNull(targetId, "WalArchiverSettings.targetId");
        Objects.requireNonNull(jdbcUrl, "WalArchiverSettings.jdbcUrl");
        Objects.requireNonNull(user, "WalArchiverSettings.user");
        Objects.requireNonNull(password, "WalArchiverSettings.password");
        Objects.requireNonNull(slotName, "WalArchiverSettings.slotName");
        Objects.requireNonNull(location, "WalArchiverSettings.location");
        Objects.requireNonNull(partialInterval, "WalArchiverSettings.partialInterval");
        Objects.requireNonNull(progressInterval, "WalArchiverSettings.progressInterval");
    }

    /** Settings with the partial tail and progress every second. */
    public static WalArchiverSettings of(String targetId, String jdbcUrl, String user, String password,
            String slotName, StorageLocation location) {
        return new WalArchiverSettings(targetId, jdbcUrl, user, password, slotName, location, Duration.ofSeconds(1),
                Duration.ofSeconds(1));
    }
}
