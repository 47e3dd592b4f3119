package io.lifeboat.agent.fs.chunk;

/**
 * The chunk size bounds of {@link FastCdc}: no chunk is shorter than {@code min} (except a file's last) or longer than
 * {@code max}, and cut points aim at {@code avg} (rounded to a power of two for the hash masks).
 *
 * @param min the smallest chunk, in bytes
 * @param avg the target mean chunk size, in bytes
 * @param max the largest chunk, in bytes
 */
public record ChunkerSettings(int min, int avg, int max) {

    /** 256 KiB / 1 MiB / 4 MiB, as restic and Kopia use for large files. */
    public static final ChunkerSettings DEFAULT = new ChunkerSettings(256 * 1024, 1024 * 1024, 4 * 1024 * 1024);

    // Below this the mask would have too few bits to be meaningful; above, a chunk would not fit a Java array.
    private static final int SMALLEST_AVG = 256;
    private static final int LARGEST_MAX = 1 << 30;

    /** Requires {@code 0 < min < avg < max <= 1 GiB} and {@code avg >= 256}. */
    public ChunkerSettings {
        if (min <= 0 || min >= avg || avg >= max) {
            throw new IllegalArgumentException("chunk sizes must satisfy 0 < min < avg < max, got min=" + min
                    + " avg=" + avg + " max=" + max);
        }
        if (avg < SMALLEST_AVG || max > LARGEST_MAX) {
            throw new IllegalArgumentException("chunk sizes must satisfy avg >= " + SMALLEST_AVG + " and max <= "
                    + LARGEST_MAX + ", got avg=" + avg + " max=" + max);
        }
    }

    /** The number of bits of {@code avg}: log2 rounded to the nearest integer, which sets the hash masks. */
    public int avgBits() {
        int floor = 31 - Integer.numberOfLeadingZeros(avg);
        // Round to the nearer power of two: avg >= 1.5 * 2^floor counts as 2^(floor+1).
        return (long) avg * 2 >= 3L << floor ? floor + 1 : floor;
    }
}
