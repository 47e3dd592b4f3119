package io.lifeboat.cli.chaos.agents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one target's objects in the store say against the facts: a manifest without a {@code BackupCompleted} or a
 * completion without a manifest is a finding; parts of attempts that never got a manifest (and parts a completed
 * backup's manifest does not list, left by an earlier attempt of the same backup id) are leftovers, counted.
 *
 * @param findings one line per mismatch, naming the target and the backup
 * @param unfinishedAttempts backup ids with objects but no manifest
 * @param leftoverObjects objects of unfinished attempts plus unlisted objects inside completed backups
 * @param leftovers one line per backup id with leftover objects
 */
record StoreAudit(List<String> findings, int unfinishedAttempts, int leftoverObjects, List<String> leftovers) {

    // Folders of a target that hold no backup: archived WAL, oplog slices, the file agent's chunk repository.
    private static final Set<String> NOT_BACKUPS = Set.of("wal", "oplog", "fs");
    private static final String MANIFEST = "manifest.json";

    StoreAudit {
        findings = List.copyOf(findings);
        leftovers = List.copyOf(leftovers);
    }

    /**
     * Audits one target.
     *
     * @param target the target id
     * @param keys every object key under the target's root, relative to it ({@code <backupId>/data/part-000001})
     * @param manifestParts per backup id with a manifest, the relative keys its manifest lists
     * @param completed the backup ids of the target that a {@code BackupCompleted} named
     * @return the findings and the leftovers
     */
    static StoreAudit of(String target, List<String> keys, Map<String, Set<String>> manifestParts,
            Set<String> completed) {
        Map<String, Set<String>> byBackup = new TreeMap<>();
        for (String key : keys) {
            int slash = key.indexOf('/');
            String backup = slash < 0 ? key : key.substring(0, slash);
            if (!NOT_BACKUPS.contains(backup)) {
                byBackup.computeIfAbsent(backup, b -> new TreeSet<>()).add(key);
            }
        }
        List<String> findings = new ArrayList<>();
        List<String> leftovers = new ArrayList<>();
        int unfinished = 0;
        int leftoverObjects = 0;
        for (Map.Entry<String, Set<String>> backup : byBackup.entrySet()) {
            String id = backup.getKey();
            boolean hasManifest = backup.getValue().contains(id + "/" + MANIFEST);
            if (!hasManifest) {
                unfinished++;
                leftoverObjects += backup.getValue().size();
                leftovers.add("backup " + id + " of " + target + ": " + backup.getValue().size()
                        + " objects of an attempt without a manifest");
                if (completed.contains(id)) {
                    findings.add("backup " + id + " of " + target + " was reported completed but the store holds "
                            + "no manifest of it");
                }
                continue;
            }
            if (!completed.contains(id)) {
                findings.add("backup " + id + " of " + target + " has a manifest in the store but no "
                        + "BackupCompleted names it");
            }
            Set<String> listed = manifestParts.getOrDefault(id, Set.of());
            List<String> unlisted = backup.getValue().stream()
                    .filter(k -> !k.equals(id + "/" + MANIFEST) && !listed.contains(k)).toList();
            if (!unlisted.isEmpty()) {
                leftoverObjects += unlisted.size();
                leftovers.add("backup " + id + " of " + target + ": " + unlisted.size() + " objects its manifest "
                        + "does not list " + unlisted);
            }
        }
        for (String id : new TreeSet<>(completed)) {
            if (!byBackup.containsKey(id)) {
                findings.add("backup " + id + " of " + target + " was reported completed but the store holds "
                        + "nothing of it");
            }
        }
        return new StoreAudit(findings, unfinished, leftoverObjects, leftovers);
    }
}
