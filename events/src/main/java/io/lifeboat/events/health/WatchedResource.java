package io.lifeboat.events.health;

/**
 * A resource of a target whose usage the monitor warns about before it becomes an outage.
 */
public enum WatchedResource {
    /** Used space of the file system holding the target's data. */
    DISK,
    /** Used memory of the target (Redis against its maxmemory) or of the host it runs on. */
    MEMORY
}
