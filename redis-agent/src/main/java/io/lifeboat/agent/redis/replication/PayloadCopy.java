package io.lifeboat.agent.redis.replication;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/** Copies the RDB payload from the connection to the output in both framings, streaming, with bounded memory. */
final class PayloadCopy {

    static final int EOF_MARK_LENGTH = 40;
    private static final int CHUNK = 64 * 1024;

    private PayloadCopy() {
    }

    /** Copies exactly {@code length} bytes ({@code $<len>} framing). */
    static long copyLength(InputStream in, OutputStream out, long length, String server) throws IOException {
        byte[] buffer = new byte[CHUNK];
        long copied = 0;
        while (copied < length) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - copied));
            if (n == -1) {
                throw truncated(server, copied + " of " + length + " bytes");
            }
            out.write(buffer, 0, n);
            copied += n;
        }
        return copied;
    }

    /**
     * Copies until the bytes received so far end with {@code mark} ({@code $EOF:} framing); the last 40 bytes seen are
     * held back because they may be the mark, which is not part of the RDB. Returns the RDB bytes written.
     * <p>
     * Only the end of what has arrived is compared, after each read, as Redis's own replica and redis-cli do: a
     * primary sends nothing after the mark until the replica acknowledges the payload (and with {@code rdb-only},
     * nothing at all), so the mark is always the last thing received.
     */
    static long copyUntilMark(InputStream in, OutputStream out, byte[] mark, String server) throws IOException {
        byte[] buffer = new byte[CHUNK + EOF_MARK_LENGTH];
        int held = 0;
        long written = 0;
        while (true) {
            int n = in.read(buffer, held, CHUNK);
            if (n == -1) {
                throw truncated(server, (written + held) + " bytes, before the end-of-payload mark");
            }
            int total = held + n;
            if (total >= EOF_MARK_LENGTH
                    && Arrays.equals(buffer, total - EOF_MARK_LENGTH, total, mark, 0, EOF_MARK_LENGTH)) {
                int payload = total - EOF_MARK_LENGTH;
                out.write(buffer, 0, payload);
                return written + payload;
            }
            int flush = total - Math.min(total, EOF_MARK_LENGTH - 1);
            out.write(buffer, 0, flush);
            written += flush;
            held = total - flush;
            System.arraycopy(buffer, flush, buffer, 0, held);
        }
    }

    private static ReplicationException truncated(String server, String progress) {
        return new ReplicationException("redis " + server + ": the source closed the connection after " + progress
                + " of the RDB payload");
    }
}
