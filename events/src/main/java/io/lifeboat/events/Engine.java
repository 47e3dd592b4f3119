package io.lifeboat.events;

/**
 * The kind of target Lifeboat protects; each engine has its own agent and its own command topic.
 */
public enum Engine {
    /** A PostgreSQL cluster: base backups, WAL archiving, point-in-time restore. */
    POSTGRES("postgres"),
    /** A Redis server: RDB snapshots taken over the replication protocol. */
    REDIS("redis"),
    /** A MongoDB replica set: logical backups and oplog capture. */
    MONGODB("mongodb"),
    /** A directory tree: deduplicated, incremental file backups. */
    FILESYSTEM("filesystem");

    private final String id;

    Engine(String id) {
        this.id = id;
    }

    /**
     * Returns the lower-case name used in topic names and configuration, e.g. {@code postgres}.
     *
     * @return the engine id
     */
    public String id() {
        return id;
    }
}
