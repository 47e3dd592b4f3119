package io.lifeboat.agent.mongo.engine;

import java.time.Instant;

import org.bson.BsonTimestamp;

/**
 * An oplog position, the {@code ts} of an entry, written {@code <seconds>:<increment>} in metadata and facts.
 *
 * @param seconds the timestamp's seconds since the epoch
 * @param increment the ordinal within that second
 */
public record OplogPosition(long seconds, long increment) implements Comparable<OplogPosition> {

    /** The position of {@code ts}. */
    public static OplogPosition of(BsonTimestamp ts) {
        return new OplogPosition(Integer.toUnsignedLong(ts.getTime()), Integer.toUnsignedLong(ts.getInc()));
    }

    /** Parses {@code <seconds>:<increment>}; fails naming the text. */
    public static OplogPosition parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        try {
            if (colon > 0) {
                return new OplogPosition(Long.parseLong(text.substring(0, colon)),
                        Long.parseLong(text.substring(colon + 1)));
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new IllegalArgumentException("'" + text + "' is not an oplog position (<seconds>:<increment>)");
    }

    /** The BSON timestamp of this position. */
    public BsonTimestamp timestamp() {
        return new BsonTimestamp((int) seconds, (int) increment);
    }

    /** The wall-clock second of this position. */
    public Instant instant() {
        return Instant.ofEpochSecond(seconds);
    }

    @Override
    public int compareTo(OplogPosition other) {
        int bySeconds = Long.compare(seconds, other.seconds);
        return bySeconds != 0 ? bySeconds : Long.compare(increment, other.increment);
    }

    @Override
    public String toString() {
        return seconds + ":" + increment;
    }
}
