package io.lifeboat.scheduler.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lifeboat.events.policy.PolicyDefined;

/**
 * What the scheduler keeps per target: the policy in force, the newest slot handled per schedule, the backups issued
 * or running, and recently completed backups to verify. Mutable, one instance per decision; the state store holds its
 * JSON form.
 */
public final class TargetSchedule {

    /** How many completed backups a target keeps as verification candidates. */
    public static final int MAX_RECENT = 200;

    private String targetId;
    private PolicyDefined policy;
    private Map<String, Instant> lastSlots = new LinkedHashMap<>();
    private Map<String, InFlight> inFlight = new LinkedHashMap<>();
    private List<RecentBackup> recent = new ArrayList<>();
    private Instant updatedAt;

    /** Creates an empty state, for JSON binding. */
    public TargetSchedule() {
    }

    /**
     * Creates the state of a target seen for the first time.
     *
     * @param targetId id of the target
     */
    public TargetSchedule(String targetId) {
        this.targetId = targetId;
    }

    /** @return id of the target */
    public String getTargetId() {
        return targetId;
    }

    /** @param targetId id of the target */
    public void setTargetId(String targetId) {
        this.targetId = targetId;
    }

    /** @return the policy in force, or null when the target has none */
    public PolicyDefined getPolicy() {
        return policy;
    }

    /** @param policy the policy in force, or null */
    public void setPolicy(PolicyDefined policy) {
        this.policy = policy;
    }

    /** @return newest slot handled (fired or skipped) per schedule key */
    public Map<String, Instant> getLastSlots() {
        return lastSlots;
    }

    /** @param lastSlots newest slot handled per schedule key */
    public void setLastSlots(Map<String, Instant> lastSlots) {
        this.lastSlots = new LinkedHashMap<>(lastSlots);
    }

    /** @return backups issued or running, by command id */
    public Map<String, InFlight> getInFlight() {
        return inFlight;
    }

    /** @param inFlight backups issued or running, by command id */
    public void setInFlight(Map<String, InFlight> inFlight) {
        this.inFlight = new LinkedHashMap<>(inFlight);
    }

    /** @return completed backups, oldest first */
    public List<RecentBackup> getRecent() {
        return recent;
    }

    /** @param recent completed backups, oldest first */
    public void setRecent(List<RecentBackup> recent) {
        this.recent = new ArrayList<>(recent);
    }

    /** @return instant of the last change */
    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** @param updatedAt instant of the last change */
    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }
}
