package io.lifeboat.agent.redis.restore;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import io.lifeboat.agent.redis.rdb.RdbKey;

/**
 * Counts an RDB's keys per database with their expiries, so that what a server holds after loading can be checked:
 * Redis drops keys whose TTL has passed when it loads, so the expected count depends on the moment of loading.
 */
final class LiveKeys {

    private final Map<Integer, long[]> expiries = new TreeMap<>();
    private final Map<Integer, Integer> expiring = new TreeMap<>();
    private final Map<Integer, Long> total = new TreeMap<>();

    void add(RdbKey key) {
        total.merge(key.db(), 1L, Long::sum);
        if (key.expireAtMillis() >= 0) {
            int n = expiring.getOrDefault(key.db(), 0);
            long[] list = expiries.computeIfAbsent(key.db(), db -> new long[16]);
            if (n == list.length) {
                list = Arrays.copyOf(list, n * 2);
                expiries.put(key.db(), list);
            }
            list[n] = key.expireAtMillis();
            expiring.put(key.db(), n + 1);
        }
    }

    /** Keys per database in the RDB, expired or not. */
    Map<Integer, Long> total() {
        return total;
    }

    /** Keys of {@code db} still alive at {@code epochMillis}. */
    long aliveAt(int db, long epochMillis) {
        long alive = total.getOrDefault(db, 0L);
        long[] list = expiries.get(db);
        int n = expiring.getOrDefault(db, 0);
        for (int i = 0; i < n; i++) {
            if (list[i] <= epochMillis) {
                alive--;
            }
        }
        return alive;
    }

    /**
     * Compares a server's key counts with this RDB's, allowing for keys that expired between {@code from} and
     * {@code to}; returns null when they agree, else what differs.
     */
    String compare(Map<Integer, Long> loaded, long from, long to) {
        StringBuilder problems = new StringBuilder();
        TreeMap<Integer, Long> dbs = new TreeMap<>(loaded);
        total.keySet().forEach(db -> dbs.putIfAbsent(db, 0L));
        dbs.forEach((db, count) -> {
            long most = aliveAt(db, from);
            long least = aliveAt(db, to);
            if (count < least || count > most) {
                problems.append(problems.length() == 0 ? "" : "; ").append("db").append(db).append(" holds ")
                        .append(count).append(" keys, the backup ").append(least == most ? least : least + "-" + most);
            }
        });
        return problems.length() == 0 ? null : problems.toString();
    }
}
