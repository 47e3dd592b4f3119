package io.lifeboat.dr.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Old primaries that were fenced without proof, per target: they are checked every tick and fenced the moment
 * they answer writable again.
 */
public final class ReturnWatch {

    private final Map<String, String> watched = new ConcurrentHashMap<>();

    /**
     * Puts a member on the watch list.
     *
     * @param targetId the target
     * @param member the member name
     */
    public void watch(String targetId, String member) {
        watched.put(targetId, member);
    }

    /**
     * Takes a target's member off the watch list.
     *
     * @param targetId the target
     */
    public void release(String targetId) {
        watched.remove(targetId);
    }

    /**
     * Returns the watched member of every target.
     *
     * @return member names by target id
     */
    public Map<String, String> watched() {
        return Map.copyOf(watched);
    }
}
