package io.lifeboat.dr.postgres;

/**
 * A WAL position as PostgreSQL prints it, {@code X/Y} in hex (the high and low 32 bits), held as a byte offset.
 *
 * @param value the position as an unsigned 64-bit byte offset
 */
public record Lsn(long value) implements Comparable<Lsn> {

    /**
     * Parses {@code X/Y}, such as {@code 0/3000060}.
     *
     * @param text the LSN as PostgreSQL prints it
     * @return the position
     * @throws IllegalArgumentException naming the text when it is not an LSN
     */
    public static Lsn parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1 || slash > 8 || text.length() - slash - 1 > 8) {
            throw new IllegalArgumentException("not a WAL position (expected X/Y in hex): '" + text + "'");
        }
        try {
            long high = Long.parseLong(text.substring(0, slash), 16);
            long low = Long.parseLong(text.substring(slash + 1), 16);
            return new Lsn(high << 32 | low);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a WAL position (expected X/Y in hex): '" + text + "'", e);
        }
    }

    /**
     * Parses {@code text}, or returns null for a null text (a position PostgreSQL did not report).
     *
     * @param text the LSN or null
     * @return the position or null
     */
    public static Lsn parseOrNull(String text) {
        return text == null ? null : parse(text);
    }

    /**
     * The bytes of WAL from {@code earlier} to this position, as {@code pg_wal_lsn_diff(this, earlier)}.
     *
     * @param earlier the other position
     * @return the difference in bytes; negative when {@code earlier} is in fact later
     */
    public long bytesSince(Lsn earlier) {
        return value - earlier.value;
    }

    /** Orders positions as unsigned numbers, as PostgreSQL does. */
    @Override
    public int compareTo(Lsn other) {
        return Long.compareUnsigned(value, other.value);
    }

    /** The position as PostgreSQL prints it, {@code X/Y} in upper-case hex. */
    @Override
    public String toString() {
        return Long.toHexString(value >>> 32).toUpperCase(java.util.Locale.ROOT) + "/"
                + Long.toHexString(value & 0xFFFFFFFFL).toUpperCase(java.util.Locale.ROOT);
    }
}
