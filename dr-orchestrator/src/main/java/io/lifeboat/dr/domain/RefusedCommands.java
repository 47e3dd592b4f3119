package io.lifeboat.dr.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the commands already refused, so that a redelivered command is refused in silence: a bounded memory
 * that forgets the oldest id first.
 */
public final class RefusedCommands {

    /** How many ids are kept by default: far more than the commands a burst of redeliveries can bring back. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    private final Map<String, Boolean> ids;

    /**
     * Creates an empty memory.
     *
     * @param capacity how many command ids it keeps before forgetting the oldest
     */
    public RefusedCommands(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("refused commands: capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.ids = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > RefusedCommands.this.capacity;
            }
        };
    }

    /**
     * Remembers that a command was refused and tells whether it is the first refusal of that command id.
     *
     * @param commandId the refused command's id
     * @return true the first time the id is refused (or again once it has been forgotten), false for a redelivery
     */
    public synchronized boolean firstRefusal(String commandId) {
        return ids.put(commandId, Boolean.TRUE) == null;
    }

    /**
     * Forgets a command id, e.g. because its refusal could not be published, so that a redelivery publishes it.
     *
     * @param commandId the command's id
     */
    public synchronized void forget(String commandId) {
        ids.remove(commandId);
    }

    /**
     * Returns how many ids are remembered.
     *
     * @return at most the capacity
     */
    public synchronized int size() {
        return ids.size();
    }
}
