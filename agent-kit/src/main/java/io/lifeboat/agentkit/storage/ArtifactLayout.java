package io.lifeboat.agentkit.storage;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one class that builds object-store keys: it turns target ids, backup ids, WAL timelines and segment names into
 * keys such as {@code orders/2026-11-21T0200Z/data/part-000001}, and refuses ids that could escape their place.
 */
public final class ArtifactLayout {

    /** Longest accepted id; keeps keys well below S3's 1024-byte limit whatever the prefix. */
    static final int MAX_ID_LENGTH = 200;

    private static final int MAX_PART = 999_999;

    // A backup id equal to one of these would put a backup's objects inside a target's WAL, oplog or chunk folder.
    private static final Set<String> RESERVED_BACKUP_IDS = Set.of("wal", "oplog", "fs");

    private final String prefix;

    /** Keys at the top of the storage location. */
    public ArtifactLayout() {
        this(Optional.empty());
    }

    /**
     * Keys below {@code prefix} (one or more {@code /}-separated segments) inside the storage location; empty or
     * blank means the top of the location.
     */
    public ArtifactLayout(Optional<String> prefix) {
        Objects.requireNonNull(prefix, "prefix");
        this.prefix = prefix.map(ArtifactLayout::normalizePrefix).orElse("");
    }

    /** The prefix every key starts with: empty, or segments ending with {@code /}. */
    public String prefix() {
        return prefix;
    }

    /** {@code <prefix>/<target>/<backupId>/manifest.json}: the manifest of one backup. */
    public String manifest(String targetId, String backupId) {
        return backupPrefix(targetId, backupId) + "manifest.json";
    }

    /** {@code <prefix>/<target>/<backupId>/data/part-000001}: the {@code n}-th data part of a backup (1-based). */
    public String part(String targetId, String backupId, int n) {
        if (n < 1 || n > MAX_PART) {
            throw new IllegalArgumentException("part number " + n + " of backup '" + backupId
                    + "' is outside 1.." + MAX_PART);
        }
        return backupPrefix(targetId, backupId) + "data/part-" + String.format("%06d", n);
    }

    /** {@code <prefix>/<target>/}: every object of one target (backups, WAL, oplog) starts with this. */
    public String targetRoot(String targetId) {
        return targetPrefix(targetId);
    }

    /** The backup id whose manifest {@code key} is, when {@code key} is {@code <prefix>/<target>/<id>/manifest.json}. */
    public Optional<String> manifestOwner(String targetId, String key) {
        String root = targetPrefix(targetId);
        String suffix = "/manifest.json";
        if (!key.startsWith(root) || !key.endsWith(suffix)) {
            return Optional.empty();
        }
        String id = key.substring(root.length(), key.length() - suffix.length());
        return id.isEmpty() || id.contains("/") || RESERVED_BACKUP_IDS.contains(id)
                ? Optional.empty()
                : Optional.of(id);
    }

    /** {@code <prefix>/<target>/<backupId>/}: every object of one backup starts with this. */
    public String backupPrefix(String targetId, String backupId) {
        String backup = checkId("backup id", backupId);
        if (RESERVED_BACKUP_IDS.contains(backup)) {
            throw new IllegalArgumentException("backup id '" + backupId + "' is reserved for the target's "
                    + backup + " folder");
        }
        return targetPrefix(targetId) + backup + "/";
    }

    /** {@code <prefix>/<target>/wal/<timeline>/<segment>}: one archived WAL segment. */
    public String walSegment(String targetId, String timeline, String segmentName) {
        return walPrefix(targetId, timeline) + checkId("WAL segment name", segmentName);
    }

    /** {@code <prefix>/<target>/wal/}: every archived WAL object of the target, all timelines, starts with this. */
    public String walRoot(String targetId) {
        return targetPrefix(targetId) + "wal/";
    }

    /** {@code <prefix>/<target>/wal/<timeline>/}: every WAL segment of one timeline starts with this. */
    public String walPrefix(String targetId, String timeline) {
        return walRoot(targetId) + checkId("WAL timeline", timeline) + "/";
    }

    /** {@code <prefix>/<target>/oplog/<slice>}: one archived oplog slice. */
    public String oplogSlice(String targetId, String sliceName) {
        return oplogPrefix(targetId) + checkId("oplog slice name", sliceName);
    }

    /** {@code <prefix>/<target>/oplog/}: every oplog slice of one target starts with this. */
    public String oplogPrefix(String targetId) {
        return targetPrefix(targetId) + "oplog/";
    }

    private String targetPrefix(String targetId) {
        return prefix + checkId("target id", targetId) + "/";
    }

    private static String normalizePrefix(String raw) {
        String trimmed = raw.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return "";
        }
        for (String segment : trimmed.split("/", -1)) {
            checkId("prefix segment of '" + raw + "'", segment);
        }
        return trimmed + "/";
    }

    /** Returns {@code id} when it can be one key segment; otherwise throws, naming the id and the reason. */
    static String checkId(String what, String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(what + " '" + id + "' is blank");
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(what + " '" + id + "' is longer than " + MAX_ID_LENGTH
                    + " characters");
        }
        if (id.indexOf('/') >= 0 || id.indexOf('\\') >= 0) {
            throw new IllegalArgumentException(what + " '" + id + "' contains a path separator");
        }
        if (id.contains("..")) {
            throw new IllegalArgumentException(what + " '" + id + "' contains '..'");
        }
        // A leading dot would make a hidden file, a '.' segment or a name the local store uses for temp files.
        if (id.startsWith(".")) {
            throw new IllegalArgumentException(what + " '" + id + "' starts with '.'");
        }
        if (id.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " '" + id.replaceAll("\\p{Cntrl}", "?")
                    + "' contains a control character");
        }
        return id;
    }
}
