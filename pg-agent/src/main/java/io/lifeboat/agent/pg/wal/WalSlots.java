package io.lifeboat.agent.pg.wal;

import java.util.Locale;

/** Names the replication slot of a target's WAL archiver when the configuration names none. */
public final class WalSlots {

    /** PostgreSQL's longest identifier (NAMEDATALEN - 1). */
    static final int MAX_LENGTH = 63;

    private WalSlots() {
    }

    /** {@code lifeboat_<id>} in lower case, every character other than a-z, 0-9 and _ replaced by _, at most 63. */
    public static String defaultName(String targetId) {
        String name = "lifeboat_" + targetId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) : name;
    }
}
