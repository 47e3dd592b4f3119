package io.lifeboat.agent.mongo.oplog;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.BsonTimestamp;

/**
 * A position in a MongoDB oplog: the BSON timestamp of an entry (seconds since the epoch and an increment within the
 * second), printed as {@code 1763690400:1} and ordered like the oplog.
 *
 * @param seconds seconds since the epoch (unsigned 32 bits)
 * @param increment ordinal of the entry within its second (unsigned 32 bits)
 */
public record OplogPosition(long seconds, long increment) implements Comparable<OplogPosition> {

    private static final long MAX = 0xFFFFFFFFL;
    private static final Pattern PRINTED = Pattern.compile("(\\d{1,10}):(\\d{1,10})");
    private static final Pattern SORTABLE = Pattern.compile("(\\d{10})\\.(\\d{10})");

    /** Both parts must fit an unsigned 32-bit integer. */
    public OplogPosition {
        if (seconds < 0 || seconds > MAX || increment < 0 || increment > MAX) {
            throw new IllegalArgumentException("oplog position " + seconds + ":" + increment
                    + " is out of range (both parts are unsigned 32-bit integers)");
        }
    }

    /** The position of a BSON timestamp (an oplog entry's {@code ts}). */
    public static OplogPosition of(BsonTimestamp ts) {
        return new OplogPosition(Integer.toUnsignedLong(ts.getTime()), Integer.toUnsignedLong(ts.getInc()));
    }

    /** Parses {@code 1763690400:1}; throws naming the text when it is not a position. */
    public static OplogPosition parse(String text) {
        Matcher m = PRINTED.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an oplog position (expected seconds:increment,"
                    + " e.g. 1763690400:1)");
        }
        return new OplogPosition(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }

    /** Parses the zero-padded form of {@link #sortable()}. */
    static OplogPosition parseSortable(String text) {
        Matcher m = SORTABLE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a zero-padded oplog position");
        }
        return new OplogPosition(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }

    /** The BSON timestamp, for queries on {@code ts}. */
    public BsonTimestamp toBsonTimestamp() {
        return new BsonTimestamp((int) seconds, (int) increment);
    }

    /** The wall-clock second of this position. */
    public Instant instant() {
        return Instant.ofEpochSecond(seconds);
    }

    /** {@code 1763690400.0000000001}: zero-padded so that object names sort in oplog order. */
    public String sortable() {
        return String.format("%010d.%010d", seconds, increment);
    }

    @Override
    public int compareTo(OplogPosition other) {
        int bySeconds = Long.compare(seconds, other.seconds);
        return bySeconds != 0 ? bySeconds : Long.compare(increment, other.increment);
    }

    /** Whether this position comes after {@code other}. */
    public boolean isAfter(OplogPosition other) {
        return compareTo(other) > 0;
    }

    /** {@code 1763690400:1}. */
    @Override
    public String toString() {
        return seconds + ":" + increment;
    }
}
