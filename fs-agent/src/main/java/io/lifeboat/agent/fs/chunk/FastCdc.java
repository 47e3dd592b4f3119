package io.lifeboat.agent.fs.chunk;

import java.io.IOException;
import java.io.InputStream;

/**
 * FastCDC content-defined chunking with normalized chunking (Xia et al., USENIX ATC 2016): a gear rolling hash over
 * each byte, a stricter mask before the average size and a looser one after, so chunk sizes cluster around the
 * average. Splits a stream into chunks handed to a {@link ChunkSink}; one instance per thread.
 */
public final class FastCdc {

    // Normalization level 2 (the paper's recommendation): two bits more before avg, two bits fewer after.
    private static final int NORMALIZATION = 2;
    private static final int MIN_BUFFER = 8 * 1024 * 1024;
    // A constant array of 256: the JIT drops the bounds check of GEAR[b & 0xFF].
    private static final long[] GEAR = GearTable.table();

    private final ChunkerSettings settings;
    private final long maskS;
    private final long maskL;
    private final byte[] buffer;

    /** A chunker for {@code settings}, with a read buffer of twice the largest chunk (at least 8 MiB). */
    public FastCdc(ChunkerSettings settings) {
        this.settings = settings;
        int bits = settings.avgBits();
        // The hash shifts left, so its high bits depend on the last 64 bytes: the masks take the top bits.
        this.maskS = mask(bits + NORMALIZATION);
        this.maskL = mask(bits - NORMALIZATION);
        this.buffer = new byte[Math.max(MIN_BUFFER, settings.max() * 2)];
    }

    /** The settings this chunker cuts with. */
    public ChunkerSettings settings() {
        return settings;
    }

    /** Reads {@code in} to its end and hands every chunk to {@code sink}, in order; an empty stream gives none. */
    public void split(InputStream in, ChunkSink sink) throws IOException {
        int max = settings.max();
        int start = 0;
        int end = 0;
        boolean eof = false;
        while (true) {
            if (!eof && end - start < max) {
                // Move the tail to the front and fill the rest of the buffer.
                if (start > 0) {
                    System.arraycopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }
                while (end < buffer.length) {
                    int n = in.read(buffer, end, buffer.length - end);
                    if (n < 0) {
                        eof = true;
                        break;
                    }
                    end += n;
                }
            }
            if (start == end) {
                return;
            }
            int length = cut(buffer, start, end - start);
            sink.chunk(buffer, start, length);
            start += length;
        }
    }

    /** The length of the chunk that starts at {@code offset}, given {@code available} bytes from there. */
    int cut(byte[] data, int offset, int available) {
        int min = settings.min();
        if (available <= min) {
            return available;
        }
        int n = Math.min(available, settings.max());
        int normal = Math.min(n, settings.avg());
        long hash = 0;
        int i = offset + min;
        int normalEnd = offset + normal;
        int end = offset + n;
        for (; i < normalEnd; i++) {
            hash = (hash << 1) + GEAR[data[i] & 0xFF];
            if ((hash & maskS) == 0) {
                return i - offset + 1;
            }
        }
        for (; i < end; i++) {
            hash = (hash << 1) + GEAR[data[i] & 0xFF];
            if ((hash & maskL) == 0) {
                return i - offset + 1;
            }
        }
        return n;
    }

    private static long mask(int bits) {
        int clamped = Math.max(1, Math.min(63, bits));
        return -1L << (64 - clamped);
    }
}
