package io.lifeboat.agentkit.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A sparse-ish stream, like a data file with much free space: 1 MiB of pgbench-like rows, then 3 MiB of zero bytes,
 * repeated; deterministic for a seed, generated on the fly.
 */
final class SparseRows extends InputStream {

    private static final long ROWS = 1L << 20;
    private static final long PERIOD = 4L << 20;

    private final long limit;
    private final InputStream rows;
    private long produced;

    /** {@code limit} bytes from {@code seed}. */
    SparseRows(long limit, long seed) {
        this.limit = limit;
        this.rows = new PgbenchRows(Long.MAX_VALUE, seed);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (produced == limit) {
            return -1;
        }
        long inPeriod = produced % PERIOD;
        long runLeft = inPeriod < ROWS ? ROWS - inPeriod : PERIOD - inPeriod;
        int n = (int) Math.min(Math.min(length, runLeft), limit - produced);
        if (inPeriod < ROWS) {
            n = rows.read(bytes, offset, n);
        } else {
            Arrays.fill(bytes, offset, offset + n, (byte) 0);
        }
        produced += n;
        return n;
    }
}
