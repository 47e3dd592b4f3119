package io.lifeboat.catalog.domain.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import io.lifeboat.events.backup.BackupPhase;
import io.lifeboat.events.catalog.CatalogEntry;

/**
 * A completed backup retention may expire, with the instant retention dates it by.
 *
 * @param entry the catalog entry
 * @param time instant the backup's data is from
 */
record Candidate(CatalogEntry entry, Instant time) {

    /** Orders candidates newest first; the id breaks ties so that plans are reproducible. */
    static final Comparator<Candidate> NEWEST_FIRST = Comparator.comparing(Candidate::time).reversed()
            .thenComparing(Candidate::id);

    /**
     * Selects the completed backups not already being deleted.
     *
     * @param entries every entry of one target
     * @return the candidates, newest first
     */
    static List<Candidate> newestFirst(Collection<CatalogEntry> entries) {
        return entries.stream()
                .filter(entry -> entry.phase() == BackupPhase.COMPLETED && entry.expireRequestedAt() == null)
                .map(entry -> new Candidate(entry, timeOf(entry))).sorted(NEWEST_FIRST).toList();
    }

    private static Instant timeOf(CatalogEntry entry) {
        if (entry.consistentAt() != null) {
            return entry.consistentAt();
        }
        // A completed entry always carries completedAt; updatedAt only guards against a malformed record and
        // errs towards younger, so such a backup is kept rather than deleted early.
        return entry.completedAt() != null ? entry.completedAt() : entry.updatedAt();
    }

    /** The backup id. @return id of the backup */
    String id() {
        return entry.backupId();
    }

    /** The backup's age. @param now instant of the decision @return age, negative for a backup dated after now */
    Duration age(Instant now) {
        return Duration.between(time, now);
    }

    /** Tells whether the backup is younger than a limit. @param limit the age @param now instant @return true if so */
    boolean youngerThan(Duration limit, Instant now) {
        return age(now).compareTo(limit) < 0;
    }

    /** Tells whether the backup is older than a limit. @param limit the age @param now instant @return true if so */
    boolean olderThan(Duration limit, Instant now) {
        return age(now).compareTo(limit) > 0;
    }
}
