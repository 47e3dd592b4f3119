package io.lifeboat.agent.redis.rdb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an {@link RdbTap} learnt from an RDB stream: version, AUX fields, key counts announced by RESIZEDB and the
 * checksum outcome.
 *
 * @param version the RDB format version from the {@code REDISnnnn} header; -1 if the header was not seen
 * @param aux AUX fields in stream order (redis-ver, ctime, used-mem, repl-id...); integer-encoded values as decimal
 * @param keysPerDb key count per database as announced by RESIZEDB (only the databases before the first key)
 * @param expiresPerDb keys with a TTL per database as announced by RESIZEDB
 * @param bytes total bytes seen, trailer included
 * @param checksum the trailer check outcome
 * @param storedCrc the CRC-64 from the trailer (little-endian)
 * @param computedCrc the CRC-64 computed over every byte before the trailer
 */
public record RdbSummary(int version, Map<String, String> aux, Map<Integer, Long> keysPerDb,
        Map<Integer, Long> expiresPerDb, long bytes, RdbChecksum checksum, long storedCrc, long computedCrc) {

    public RdbSummary {
        aux = Collections.unmodifiableMap(new LinkedHashMap<>(aux));
        keysPerDb = Map.copyOf(keysPerDb);
        expiresPerDb = Map.copyOf(expiresPerDb);
    }

    /** Key count summed over the databases that RESIZEDB announced. */
    public long announcedKeys() {
        return keysPerDb.values().stream().mapToLong(Long::longValue).sum();
    }
}
