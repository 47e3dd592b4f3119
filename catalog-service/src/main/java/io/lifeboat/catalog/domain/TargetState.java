package io.lifeboat.catalog.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.policy.PolicyDefined;

/**
 * Everything the catalog keeps per target besides the entries of its backups: policy, archive tip, log gaps, last
 * outcomes, restorable bounds, health, RPO breach and recent events. Mutable, one instance per fold; the state store
 * holds its JSON form.
 */
public final class TargetState {

    /** How many recent events a target keeps for the dashboard. */
    public static final int MAX_NOTES = 20;
    /** How many log gaps a target keeps. */
    public static final int MAX_GAPS = 20;

    private String targetId;
    private Engine engine;
    private PolicyDefined policy;
    private Instant protectedSince;
    private ArchiveTip archive;
    private ArchiveTrouble archiveTrouble;
    private List<LogGap> gaps = new ArrayList<>();
    private Map<BackupType, LastBackup> lastSuccess = new EnumMap<>(BackupType.class);
    private LastBackup lastFailure;
    private RestorePoint oldestBase;
    private RestorePoint newestBase;
    private TargetHealth health;
    private RpoState rpo = RpoState.WITHIN;
    private List<TargetNote> notes = new ArrayList<>();
    private Double restoreBytesPerSecond;
    private Instant updatedAt;

    /** Creates an empty state, for JSON binding. */
    public TargetState() {
    }

    /**
     * Creates the state of a target seen for the first time.
     *
     * @param targetId id of the target
     */
    public TargetState(String targetId) {
        this.targetId = targetId;
    }

    /**
     * Adds a recent event, newest first, keeping at most {@link #MAX_NOTES}.
     *
     * @param note the event
     */
    public void note(TargetNote note) {
        if (notes.contains(note)) {
            return;
        }
        int at = 0;
        while (at < notes.size() && notes.get(at).at().isAfter(note.at())) {
            at++;
        }
        notes.add(at, note);
        while (notes.size() > MAX_NOTES) {
            notes.remove(notes.size() - 1);
        }
    }

    /**
     * Adds a log gap, keeping at most {@link #MAX_GAPS}.
     *
     * @param gap the gap
     */
    public void addGap(LogGap gap) {
        gaps.add(gap);
        while (gaps.size() > MAX_GAPS) {
            gaps.remove(0);
        }
    }

    /**
     * The newest gap no backup has closed yet.
     *
     * @return the open gap, or null
     */
    public LogGap openGap() {
        for (int i = gaps.size() - 1; i >= 0; i--) {
            if (!gaps.get(i).closed()) {
                return gaps.get(i);
            }
        }
        return null;
    }

    /** @return id of the target */
    public String getTargetId() {
        return targetId;
    }

    /** @param targetId id of the target */
    public void setTargetId(String targetId) {
        this.targetId = targetId;
    }

    /** @return engine of the target, null until a fact or policy names it */
    public Engine getEngine() {
        return engine;
    }

    /** @param engine engine of the target */
    public void setEngine(Engine engine) {
        this.engine = engine;
    }

    /** @return policy in force, null when the target is not protected */
    public PolicyDefined getPolicy() {
        return policy;
    }

    /** @param policy policy in force */
    public void setPolicy(PolicyDefined policy) {
        this.policy = policy;
    }

    /** @return instant protection began (the first policy), the base of the lag while nothing is restorable */
    public Instant getProtectedSince() {
        return protectedSince;
    }

    /** @param protectedSince instant protection began */
    public void setProtectedSince(Instant protectedSince) {
        this.protectedSince = protectedSince;
    }

    /** @return newest archive tip, or null */
    public ArchiveTip getArchive() {
        return archive;
    }

    /** @param archive newest archive tip */
    public void setArchive(ArchiveTip archive) {
        this.archive = archive;
    }

    /** @return why archiving stopped, or null while it moves */
    public ArchiveTrouble getArchiveTrouble() {
        return archiveTrouble;
    }

    /** @param archiveTrouble why archiving stopped */
    public void setArchiveTrouble(ArchiveTrouble archiveTrouble) {
        this.archiveTrouble = archiveTrouble;
    }

    /** @return log gaps, oldest first */
    public List<LogGap> getGaps() {
        return gaps;
    }

    /** @param gaps log gaps, oldest first */
    public void setGaps(List<LogGap> gaps) {
        this.gaps = new ArrayList<>(gaps);
    }

    /** @return last completed backup per type */
    public Map<BackupType, LastBackup> getLastSuccess() {
        return lastSuccess;
    }

    /** @param lastSuccess last completed backup per type */
    public void setLastSuccess(Map<BackupType, LastBackup> lastSuccess) {
        this.lastSuccess = lastSuccess.isEmpty() ? new EnumMap<>(BackupType.class) : new EnumMap<>(lastSuccess);
    }

    /** @return last failed backup, or null */
    public LastBackup getLastFailure() {
        return lastFailure;
    }

    /** @param lastFailure last failed backup */
    public void setLastFailure(LastBackup lastFailure) {
        this.lastFailure = lastFailure;
    }

    /** @return oldest backup a restore can start from, or null */
    public RestorePoint getOldestBase() {
        return oldestBase;
    }

    /** @param oldestBase oldest backup a restore can start from */
    public void setOldestBase(RestorePoint oldestBase) {
        this.oldestBase = oldestBase;
    }

    /** @return newest backup a restore can start from, or null */
    public RestorePoint getNewestBase() {
        return newestBase;
    }

    /** @param newestBase newest backup a restore can start from */
    public void setNewestBase(RestorePoint newestBase) {
        this.newestBase = newestBase;
    }

    /** @return health as last reported, or null when never probed */
    public TargetHealth getHealth() {
        return health;
    }

    /** @param health health as last reported */
    public void setHealth(TargetHealth health) {
        this.health = health;
    }

    /** @return RPO breach state */
    public RpoState getRpo() {
        return rpo;
    }

    /** @param rpo RPO breach state */
    public void setRpo(RpoState rpo) {
        this.rpo = rpo == null ? RpoState.WITHIN : rpo;
    }

    /** @return recent events, newest first */
    public List<TargetNote> getNotes() {
        return notes;
    }

    /** @param notes recent events, newest first */
    public void setNotes(List<TargetNote> notes) {
        this.notes = new ArrayList<>(notes);
    }

    /** @return restore throughput measured on this target's restores, or null when none was seen */
    public Double getRestoreBytesPerSecond() {
        return restoreBytesPerSecond;
    }

    /** @param restoreBytesPerSecond measured restore throughput */
    public void setRestoreBytesPerSecond(Double restoreBytesPerSecond) {
        this.restoreBytesPerSecond = restoreBytesPerSecond;
    }

    /** @return instant the catalog last changed this state */
    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** @param updatedAt instant the catalog last changed this state */
    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }
}
