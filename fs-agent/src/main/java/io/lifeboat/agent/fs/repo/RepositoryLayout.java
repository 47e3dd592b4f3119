package io.lifeboat.agent.fs.repo;

import java.util.Optional;

import io.lifeboat.agentkit.storage.ArtifactLayout;

/**
 * The keys of one target's chunk repository, all under {@code ArtifactLayout.targetRoot(target) + "fs/"}: keys, packs,
 * indexes and locks. The only place in the fs agent that builds these keys.
 */
public final class RepositoryLayout {

    private final String root;

    /** The repository of {@code targetId} in the storage location laid out by {@code layout}. */
    public RepositoryLayout(ArtifactLayout layout, String targetId) {
        this.root = layout.targetRoot(targetId) + "fs/";
    }

    /** {@code .../fs/keys}: the wrapped id and blob keys. */
    public String keys() {
        return root + "keys";
    }

    /** {@code .../fs/packs/}: every pack starts with this. */
    public String packPrefix() {
        return root + "packs/";
    }

    /** {@code .../fs/packs/<first 2 hex>/<pack id>}: one pack. */
    public String pack(String packId) {
        return packPrefix() + checkPackId(packId).substring(0, 2) + "/" + packId;
    }

    /** The pack id of a key under {@link #packPrefix()}, when it is one. */
    public Optional<String> packIdOfPack(String key) {
        return lastSegment(key, packPrefix());
    }

    /** {@code .../fs/index/}: every index object starts with this. */
    public String indexPrefix() {
        return root + "index/";
    }

    /** {@code .../fs/index/<pack id>}: the index of one pack. */
    public String index(String packId) {
        return indexPrefix() + checkPackId(packId);
    }

    /** The pack id of a key under {@link #indexPrefix()}, when it is one. */
    public Optional<String> packIdOfIndex(String key) {
        return lastSegment(key, indexPrefix());
    }

    /** {@code .../fs/locks/}: every lock starts with this. */
    public String lockPrefix() {
        return root + "locks/";
    }

    /** {@code .../fs/locks/<kind>-<owner>}: one lock. */
    public String lock(RepositoryLock.Kind kind, String owner) {
        if (owner == null || owner.isBlank() || !owner.matches("[A-Za-z0-9_.:@-]{1,150}") || owner.startsWith(".")) {
            throw new IllegalArgumentException("lock owner '" + owner
                    + "' must be 1..150 letters, digits or _ . : @ - and not start with '.'");
        }
        return lockPrefix() + kind.label() + "-" + owner;
    }

    /** Whether {@code packId} is a pack id: 64 lowercase hex digits. */
    static boolean isPackId(String packId) {
        return packId != null && packId.matches("[0-9a-f]{64}");
    }

    private static String checkPackId(String packId) {
        if (!isPackId(packId)) {
            throw new IllegalArgumentException("pack id '" + packId + "' is not 64 lowercase hex digits");
        }
        return packId;
    }

    private static Optional<String> lastSegment(String key, String prefix) {
        if (!key.startsWith(prefix)) {
            return Optional.empty();
        }
        String id = key.substring(key.lastIndexOf('/') + 1);
        return isPackId(id) ? Optional.of(id) : Optional.empty();
    }
}
