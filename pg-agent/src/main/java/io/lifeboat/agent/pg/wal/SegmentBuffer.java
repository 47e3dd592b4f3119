package io.lifeboat.agent.pg.wal;

import java.nio.ByteBuffer;

import io.lifeboat.agent.pg.wal.WalSegmentCodec.SegmentKey;

/** The WAL segment being filled from the stream: its bytes so far, and how much of it the last partial held. */
final class SegmentBuffer {

    final long timeline;
    final long number;
    final String name;
    final byte[] data;
    int filled;
    int storedAsPartial;
    SegmentKey key;

    SegmentBuffer(long timeline, long number, long segmentSize) {
        this.timeline = timeline;
        this.number = number;
        this.name = WalSegments.fileName(timeline, number, segmentSize);
        this.data = new byte[Math.toIntExact(segmentSize)];
    }

    long startLsn() {
        return number * data.length;
    }

    /** The LSN of the next byte this segment expects. */
    long position() {
        return startLsn() + filled;
    }

    boolean full() {
        return filled == data.length;
    }

    boolean changedSincePartial() {
        return filled > storedAsPartial;
    }

    /** Copies as much of {@code bytes} as fits; the rest belongs to the next segment. */
    void append(ByteBuffer bytes) {
        int n = Math.min(bytes.remaining(), data.length - filled);
        bytes.get(data, filled, n);
        filled += n;
    }

    SegmentBuffer next() {
        return new SegmentBuffer(timeline, number + 1, data.length);
    }
}
