package io.lifeboat.agentkit.agent;

import java.util.List;

import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.events.backup.ExpireBackups;

/**
 * The expiry side of an engine adapter, an optional CDI bean: after the agent skeleton has deleted the backups an
 * {@link ExpireBackups} names, the engine reclaims storage those backups shared with others (deduplicated file
 * chunks, logs older than every remaining backup).
 */
public interface ExpireEngine {

    /**
     * Reclaims what no remaining backup needs and returns the stored bytes released.
     *
     * @param remaining every completed backup of the target still stored, oldest first
     * @throws Exception when reclaiming failed; the backups stay deleted and a later expiry reclaims again
     */
    long reclaim(ExpireBackups command, List<Manifest> remaining) throws Exception;
}
