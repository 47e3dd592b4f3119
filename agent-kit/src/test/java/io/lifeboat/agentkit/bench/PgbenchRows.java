package io.lifeboat.agentkit.bench;

import java.io.InputStream;

/**
 * Deterministic rows shaped like a {@code COPY pgbench_accounts} table dump, generated on the fly: account id,
 * branch id, balance, and an 84-character filler of which half is random text and half blank padding, so that about
 * half of the bytes compress well. The same seed always yields the same bytes; nothing is stored.
 */
final class PgbenchRows extends InputStream {

    private static final byte[] ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int BLOCK = 256 * 1024;
    private static final int MAX_ROW = 128;

    private final long limit;
    private final byte[] block = new byte[BLOCK];
    private long produced;
    private int blockFill;
    private int blockPos;
    private long aid;
    private long random;

    /** {@code limit} bytes of rows from {@code seed}. */
    PgbenchRows(long limit, long seed) {
        this.limit = limit;
        this.random = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) {
        if (produced == limit) {
            return -1;
        }
        if (blockPos == blockFill) {
            fillBlock();
        }
        int n = (int) Math.min(Math.min(length, blockFill - blockPos), limit - produced);
        System.arraycopy(block, blockPos, bytes, offset, n);
        blockPos += n;
        produced += n;
        return n;
    }

    private void fillBlock() {
        int pos = 0;
        while (pos + MAX_ROW <= BLOCK) {
            pos = row(pos);
        }
        blockFill = pos;
        blockPos = 0;
    }

    private int row(int pos) {
        aid++;
        pos = decimal(aid, pos);
        block[pos++] = '\t';
        pos = decimal(aid / 100_000 + 1, pos);
        block[pos++] = '\t';
        long r = next();
        int balance = (int) (r % 10_000_000);
        if (balance < 0) {
            block[pos++] = '-';
            balance = -balance;
        }
        pos = decimal(balance, pos);
        block[pos++] = '\t';
        // 42 random characters (6 bits each, 10 per random long) then 42 blanks: half of the filler compresses.
        for (int i = 0; i < 42; i += 10) {
            long bits = next();
            for (int j = i; j < Math.min(42, i + 10); j++) {
                block[pos++] = ALPHABET[(int) (bits & 63)];
                bits >>>= 6;
            }
        }
        for (int i = 0; i < 42; i++) {
            block[pos++] = ' ';
        }
        block[pos++] = '\n';
        return pos;
    }

    private int decimal(long value, int pos) {
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        for (int i = pos + digits - 1; i >= pos; i--) {
            block[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return pos + digits;
    }

    private long next() {
        // xorshift64*: fast, and deterministic for a given seed.
        random ^= random >>> 12;
        random ^= random << 25;
        random ^= random >>> 27;
        return random * 0x2545F4914F6CDD1DL;
    }
}
