package io.lifeboat.agent.redis.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

/**
 * What the agent reads from a source before a snapshot: version, role, AOF state, replication offset and the
 * encoding thresholds a verification's scratch server must share to re-encode values the same way.
 *
 * @param redisVersion {@code redis_version}
 * @param role {@code master} or {@code slave}
 * @param aofEnabled whether the source writes an append-only file
 * @param replicationOffset {@code master_repl_offset} before the snapshot
 * @param encodingConfig the {@code *-max-*} and {@code list-*} parameters that choose value encodings
 */
public record SourceFacts(String redisVersion, String role, boolean aofEnabled, long replicationOffset,
        Map<String, String> encodingConfig) {

    /**
     * The parameters that decide how values are encoded (listpack or not, quicklist nodes, LZF): the Redis 7.0
     * names, which every later server still accepts. A source without one (Redis 6 says ziplist) lacks it here.
     */
    public static final List<String> ENCODING_PARAMETERS = List.of("hash-max-listpack-entries",
            "hash-max-listpack-value", "zset-max-listpack-entries", "zset-max-listpack-value",
            "set-max-intset-entries", "list-max-listpack-size", "list-compress-depth", "stream-node-max-bytes",
            "stream-node-max-entries", "rdbcompression");

    private static final Logger LOG = Logger.getLogger(SourceFacts.class);

    /** Reads the facts over {@code admin}; INFO is required, CONFIG GET is not. */
    public static SourceFacts read(RedisAdmin admin) throws RedisAccessException {
        Map<String, String> server = admin.info("server");
        Map<String, String> persistence = admin.info("persistence");
        Map<String, String> replication = admin.info("replication");
        Map<String, String> encoding = new LinkedHashMap<>();
        try {
            for (String parameter : ENCODING_PARAMETERS) {
                String value = admin.config(parameter).get(parameter);
                if (value != null) {
                    encoding.put(parameter, value);
                }
            }
        } catch (RedisAccessException e) {
            // Managed offerings rename or forbid CONFIG: verifications then load with redis-server's defaults.
            LOG.warnf("%s; the snapshot records no encoding parameters", e.getMessage());
            encoding.clear();
        }
        return new SourceFacts(server.getOrDefault("redis_version", "unknown"),
                replication.getOrDefault("role", "unknown"), "1".equals(persistence.get("aof_enabled")),
                replication.containsKey("master_repl_offset")
                        ? RedisInfo.number(replication, "master_repl_offset")
                        : -1,
                encoding);
    }
}
