package io.lifeboat.agent.redis.rdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RdbTapTest {

    @Test
    void readsVersionAuxAndResizeDbAndVerifiesTheChecksumOfAWholeWrite() throws IOException {
        byte[] rdb = withTrailer(body(), true);
        ByteArrayOutputStream copy = new ByteArrayOutputStream();

        RdbSummary summary = tap(rdb, rdb.length, copy);

        assertThat(copy.toByteArray()).isEqualTo(rdb);
        assertThat(summary.version()).isEqualTo(11);
        assertThat(summary.aux()).containsExactly(
                Map.entry("redis-ver", "7.2.4"),
                Map.entry("redis-bits", "64"),
                Map.entry("ctime", "1763736720"),
                Map.entry("used-mem", "-2"),
                Map.entry("aof-base", "300"));
        assertThat(summary.keysPerDb()).containsExactly(Map.entry(0, 3L));
        assertThat(summary.expiresPerDb()).containsExactly(Map.entry(0, 1L));
        assertThat(summary.announcedKeys()).isEqualTo(3);
        assertThat(summary.bytes()).isEqualTo(rdb.length);
        assertThat(summary.checksum()).isEqualTo(RdbChecksum.VERIFIED);
        assertThat(summary.storedCrc()).isEqualTo(summary.computedCrc());
    }

    @Test
    void givesTheSameSummaryWhateverTheWriteSizes() throws IOException {
        byte[] rdb = withTrailer(body(), true);
        RdbSummary whole = tap(rdb, rdb.length, new ByteArrayOutputStream());
        for (int chunk : new int[]{1, 2, 7, 8, 9, 13}) {
            assertThat(tap(rdb, chunk, new ByteArrayOutputStream())).as("chunks of %d", chunk).isEqualTo(whole);
        }
    }

    @Test
    void reportsAMismatchWhenOneByteOfTheBodyIsCorrupt() throws IOException {
        byte[] rdb = withTrailer(body(), true);
        rdb[rdb.length - 12] ^= 0x10;

        RdbSummary summary = tap(rdb, 5, new ByteArrayOutputStream());

        assertThat(summary.checksum()).isEqualTo(RdbChecksum.MISMATCH);
        assertThat(summary.storedCrc()).isNotEqualTo(summary.computedCrc());
    }

    @Test
    void reportsChecksumsDisabledWhenTheTrailerIsZero() throws IOException {
        assertThat(tap(withTrailer(body(), false), 4, new ByteArrayOutputStream()).checksum())
                .isEqualTo(RdbChecksum.DISABLED);
    }

    @Test
    void reportsTheChecksumMissingWhenTheStreamStopsBeforeTheTrailer() throws IOException {
        byte[] rdb = withTrailer(body(), true);
        RdbSummary summary = tap(Arrays.copyOf(rdb, rdb.length - 20), 6, new ByteArrayOutputStream());

        assertThat(summary.checksum()).isEqualTo(RdbChecksum.MISSING);
        assertThat(summary.version()).isEqualTo(11);
    }

    @Test
    void reportsNoVersionForAStreamThatIsNotAnRdb() throws IOException {
        byte[] text = "HELLO WORLD, not an RDB at all".getBytes(StandardCharsets.US_ASCII);
        RdbSummary summary = tap(text, 3, new ByteArrayOutputStream());

        assertThat(summary.version()).isEqualTo(-1);
        assertThat(summary.checksum()).isEqualTo(RdbChecksum.MISSING);
    }

    @Test
    void readsAnEmptyRdbWithNoDatabases() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("REDIS0010".getBytes(StandardCharsets.US_ASCII));
        aux(body, "redis-ver", "7.0.15");
        body.write(0xff);

        RdbSummary summary = tap(withTrailer(body.toByteArray(), true), 3, new ByteArrayOutputStream());

        assertThat(summary.version()).isEqualTo(10);
        assertThat(summary.keysPerDb()).isEmpty();
        assertThat(summary.checksum()).isEqualTo(RdbChecksum.VERIFIED);
    }

    private static RdbSummary tap(byte[] rdb, int chunk, ByteArrayOutputStream copy) throws IOException {
        RdbTap tap = new RdbTap(copy);
        for (int off = 0; off < rdb.length; off += chunk) {
            tap.write(rdb, off, Math.min(chunk, rdb.length - off));
        }
        tap.flush();
        return tap.summary();
    }

    /** An RDB as Redis writes it: header, AUX (plain and integer-encoded), SELECTDB, RESIZEDB, keys, EOF. */
    private static byte[] body() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("REDIS0011".getBytes(StandardCharsets.US_ASCII));
        aux(out, "redis-ver", "7.2.4");
        out.write(0xfa);
        string(out, "redis-bits");
        out.writeBytes(new byte[]{(byte) 0xc0, 64}); // int8
        out.write(0xfa);
        string(out, "ctime");
        out.writeBytes(new byte[]{(byte) 0xc2, (byte) 0x90, (byte) 0x7c, (byte) 0x20, (byte) 0x69}); // int32 LE
        out.write(0xfa);
        string(out, "used-mem");
        out.writeBytes(new byte[]{(byte) 0xc1, (byte) 0xfe, (byte) 0xff}); // int16 LE, -2
        aux(out, "aof-base", "300");
        out.write(0xfe);
        out.write(0);
        out.write(0xfb);
        out.write(3);
        out.write(1);
        out.write(0); // string type
        string(out, "k1");
        string(out, "v1");
        out.write(0xfc); // expiry in ms, then the key
        out.writeBytes(new byte[8]);
        out.write(0);
        string(out, "k2");
        string(out, "v2");
        out.write(0);
        string(out, "k3");
        string(out, "x".repeat(100)); // 14-bit length
        out.write(0xff);
        return out.toByteArray();
    }

    private static void aux(ByteArrayOutputStream out, String key, String value) {
        out.write(0xfa);
        string(out, key);
        string(out, value);
    }

    private static void string(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 64) {
            out.write(bytes.length);
        } else {
            out.write(0x40 | (bytes.length >> 8));
            out.write(bytes.length & 0xff);
        }
        out.writeBytes(bytes);
    }

    private static byte[] withTrailer(byte[] body, boolean checksum) {
        long crc = checksum ? Crc64.of(body) : 0;
        byte[] rdb = Arrays.copyOf(body, body.length + 8);
        for (int i = 0; i < 8; i++) {
            rdb[body.length + i] = (byte) (crc >>> (8 * i));
        }
        return rdb;
    }
}
