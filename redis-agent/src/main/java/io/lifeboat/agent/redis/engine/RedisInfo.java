package io.lifeboat.agent.redis.engine;

import java.util.Map;

/** Reads fields of {@code INFO} replies: plain numbers and the {@code keys=1,expires=0} lists of the keyspace. */
public final class RedisInfo {

    private RedisInfo() {
    }

    /** A numeric field of an INFO section; fails naming the field when it is missing or not a number. */
    public static long number(Map<String, String> section, String field) {
        String value = section.get(field);
        if (value == null) {
            throw new IllegalStateException("INFO has no field '" + field + "'");
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("INFO field '" + field + "' is not a number: '" + value + "'", e);
        }
    }

    /** A field of a {@code name=value,name=value} list, such as a keyspace line; 0 when absent. */
    public static long field(String list, String name) {
        for (String pair : list.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                return Long.parseLong(pair.substring(eq + 1).trim());
            }
        }
        return 0;
    }
}
