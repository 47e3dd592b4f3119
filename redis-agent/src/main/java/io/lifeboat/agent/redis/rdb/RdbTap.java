package io.lifeboat.agent.redis.rdb;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;

/**
 * An output stream filter that passes an RDB through unchanged while parsing its header (version, AUX, SELECTDB,
 * RESIZEDB) and computing the CRC-64 of every byte, so that {@link #summary()} can check the trailer afterwards.
 * <p>
 * Memory is bounded: only the first bytes (until the first key, at most {@value #MAX_HEADER} bytes) and the last 8
 * (the candidate trailer) are held.
 */
public final class RdbTap extends FilterOutputStream {

    static final int MAX_HEADER = 64 * 1024;
    private static final int TRAILER = 8;

    private final Crc64 crc = new Crc64();
    private byte[] prefix = new byte[4096];
    private int prefixLength;
    private RdbHeaderParser.Header header;
    private final byte[] tail = new byte[TRAILER];
    private int tailLength;
    /** The last byte added to the CRC: the EOF opcode once the whole RDB has passed. */
    private int lastCrcByte = -1;
    private long bytes;

    public RdbTap(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        bytes += len;
        if (header == null) {
            parse(b, off, len);
        }
        checksum(b, off, len);
    }

    /** What has been seen so far; call after the whole RDB has been written. */
    public RdbSummary summary() {
        RdbHeaderParser.Header h = header != null ? header : partialHeader();
        RdbChecksum checksum;
        long stored = 0;
        if (tailLength < TRAILER || lastCrcByte != RdbHeaderParser.OP_EOF || h.version() < 0) {
            checksum = RdbChecksum.MISSING;
        } else {
            for (int i = TRAILER - 1; i >= 0; i--) {
                stored = (stored << 8) | (tail[i] & 0xff);
            }
            checksum = stored == 0
                    ? RdbChecksum.DISABLED
                    : stored == crc.value() ? RdbChecksum.VERIFIED : RdbChecksum.MISMATCH;
        }
        return new RdbSummary(h.version(), h.aux(), h.keys(), h.expires(), bytes, checksum, stored, crc.value());
    }

    /** Accumulates the prefix and re-parses it until the header ends; the prefix is small, so this is cheap. */
    private void parse(byte[] b, int off, int len) {
        int take = Math.min(len, MAX_HEADER - prefixLength);
        if (prefixLength + take > prefix.length) {
            prefix = Arrays.copyOf(prefix, Math.max(prefixLength + take, prefix.length * 2));
        }
        System.arraycopy(b, off, prefix, prefixLength, take);
        prefixLength += take;
        try {
            header = RdbHeaderParser.parse(prefix, prefixLength);
        } catch (RdbHeaderParser.NeedMore e) {
            if (prefixLength >= MAX_HEADER) {
                header = partialHeader();
            }
            return;
        } catch (RuntimeException e) {
            // Not an RDB we understand: keep passing bytes and CRC'ing, report no header.
            header = partialHeader();
        }
        prefix = null;
    }

    private RdbHeaderParser.Header partialHeader() {
        return new RdbHeaderParser.Header(-1, Map.of(), Map.of(), Map.of());
    }

    /** CRCs everything except the last 8 bytes seen, which are held back as the possible trailer. */
    private void checksum(byte[] b, int off, int len) {
        if (len >= TRAILER) {
            crc.update(tail, 0, tailLength);
            if (tailLength > 0) {
                lastCrcByte = tail[tailLength - 1] & 0xff;
            }
            crc.update(b, off, len - TRAILER);
            if (len > TRAILER) {
                lastCrcByte = b[off + len - TRAILER - 1] & 0xff;
            }
            System.arraycopy(b, off + len - TRAILER, tail, 0, TRAILER);
            tailLength = TRAILER;
            return;
        }
        for (int i = off; i < off + len; i++) {
            if (tailLength == TRAILER) {
                crc.update(tail[0]);
                lastCrcByte = tail[0] & 0xff;
                System.arraycopy(tail, 1, tail, 0, TRAILER - 1);
                tailLength--;
            }
            tail[tailLength++] = b[i];
        }
    }
}
