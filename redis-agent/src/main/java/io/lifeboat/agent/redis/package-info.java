/** Lifeboat redis-agent: Redis RDB snapshots taken over the replication protocol, restores and verification. */
package io.lifeboat.agent.redis;
