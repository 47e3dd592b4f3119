package io.lifeboat.agent.redis.engine;

/** How the agent obtains a target's RDB. */
public enum SnapshotMode {
    /** Connects as a replica and streams the RDB the server sends: no access to the server's disk needed. */
    REPLICATION,
    /** Runs BGSAVE, waits for it in {@code INFO persistence}, then reads the file: the agent runs beside Redis. */
    BGSAVE
}
