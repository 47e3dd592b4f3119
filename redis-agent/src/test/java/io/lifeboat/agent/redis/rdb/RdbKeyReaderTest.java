package io.lifeboat.agent.redis.rdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RdbKeyReaderTest {

    @Test
    void readsVersionAuxAndStringsInEachLengthEncoding() throws IOException {
        Rdb rdb = new Rdb(11).aux("redis-ver", "7.2.4");
        rdb.op(0xfa).string("redis-bits").raw(0xc0, 64); // int8
        rdb.op(0xfa).string("ctime").raw(0xc2, 0x90, 0x7c, 0x20, 0x69); // int32 LE
        rdb.op(0xfa).string("used-mem").raw(0xc1, 0xfe, 0xff); // int16 LE, -2
        byte[] six = value(new Rdb(0).string("v".repeat(63)));
        byte[] fourteen = value(new Rdb(0).string("w".repeat(16_000)));
        byte[] thirtyTwo = value(new Rdb(0).raw(0x80, 0, 0, 0, 5).text("five!"));
        byte[] sixtyFour = value(new Rdb(0).raw(0x81, 0, 0, 0, 0, 0, 0, 0, 3).text("abc"));
        rdb.op(0).string("k6").raw(six);
        rdb.op(0).string("k14").raw(fourteen);
        rdb.op(0).string("k32").raw(thirtyTwo);
        rdb.op(0).string("k64").raw(sixtyFour);

        List<RdbKey> keys;
        try (RdbKeyReader reader = reader(rdb.withCrc())) {
            assertThat(reader.version()).isEqualTo(11);
            keys = all(reader);
            assertThat(reader.aux()).containsExactly(Map.entry("redis-ver", "7.2.4"), Map.entry("redis-bits", "64"),
                    Map.entry("ctime", "1763736720"), Map.entry("used-mem", "-2"));
            assertThat(reader.checksum()).isEqualTo(RdbChecksum.VERIFIED);
            assertThat(reader.bytesRead()).isEqualTo(rdb.withCrc().length);
        }
        assertThat(keys).extracting(RdbKey::keyText).containsExactly("k6", "k14", "k32", "k64");
        assertThat(keys).extracting(RdbKey::value).containsExactly(six, fourteen, thirtyTwo, sixtyFour);
        assertThat(keys).allSatisfy(k -> {
            assertThat(k.db()).isZero();
            assertThat(k.type()).isZero();
            assertThat(k.typeName()).isEqualTo("string");
            assertThat(k.hasExpiry()).isFalse();
        });
    }

    @Test
    void decodesIntegerEncodedAndLzfCompressedKeysButKeepsValuesAsStored() throws IOException {
        // "abcabcabc" as LZF: a literal run of 3, then a back reference of 6 bytes at distance 3.
        byte[] lzf = {(byte) 0xc3, 6, 9, 2, 'a', 'b', 'c', (byte) 0x80, 2};
        Rdb rdb = new Rdb(10);
        rdb.op(0).raw(0xc0, 0xfb).raw(0xc0, 7); // key -5, value int8 7
        rdb.op(0).raw(0xc1, 0x39, 0x30).raw(lzf); // key 12345
        rdb.op(0).raw(0xc2, 0x90, 0xee, 0xfe, 0xff).string("x"); // key -70000
        rdb.op(0).raw(lzf).raw(0xc1, 0x39, 0x30); // key abcabcabc

        List<RdbKey> keys = all(reader(rdb.withCrc()));

        assertThat(keys).extracting(RdbKey::keyText).containsExactly("-5", "12345", "-70000", "abcabcabc");
        assertThat(keys.get(0).value()).containsExactly(0xc0, 7);
        assertThat(keys.get(1).value()).isEqualTo(lzf);
        assertThat(keys.get(2).value()).containsExactly(1, 'x');
        assertThat(keys.get(3).value()).containsExactly(0xc1, 0x39, 0x30);
    }

    @Test
    void appliesExpiriesInMillisecondsAndSecondsToTheNextKeyOnly() throws IOException {
        Rdb rdb = new Rdb(10);
        rdb.op(0xfc).raw(le(1_763_736_720_123L, 8)).op(0).string("ms").string("v");
        rdb.op(0xfd).raw(le(1_763_736_720L, 4)).op(0).string("s").string("v");
        rdb.op(0xf8).raw(0x40, 0x80).op(0xf9).raw(7).op(0).string("lru").string("v"); // IDLE 128 s, FREQ 7
        rdb.op(0).string("none").string("v");

        List<RdbKey> keys = all(reader(rdb.withCrc()));

        assertThat(keys).extracting(RdbKey::expireAtMillis).containsExactly(1_763_736_720_123L, 1_763_736_720_000L,
                -1L, -1L);
    }

    @Test
    void switchesDatabaseOnSelectDbAndRecordsResizeDb() throws IOException {
        Rdb rdb = new Rdb(10);
        rdb.op(0xfe).raw(0).op(0xfb).raw(1, 0).op(0).string("a").string("1");
        rdb.op(0xfe).raw(3).op(0xfb).raw(2, 1).op(0).string("b").string("2").op(0).string("c").string("3");
        rdb.op(0xfe).raw(0x40, 200).op(0).string("d").string("4");

        RdbKeyReader reader = reader(rdb.withCrc());
        List<RdbKey> keys = all(reader);

        assertThat(keys).extracting(RdbKey::db).containsExactly(0, 3, 3, 200);
        assertThat(reader.announcedKeys()).containsExactly(Map.entry(0, 1L), Map.entry(3, 2L));
    }

    @Test
    void findsTheExtentOfEveryAggregateEncoding() throws IOException {
        List<byte[]> values = new ArrayList<>();
        Rdb rdb = new Rdb(11);
        // list (1), set (2), hash (4): counted strings
        values.add(value(new Rdb(0).raw(2).string("a").string("b")));
        values.add(value(new Rdb(0).raw(1).string("m")));
        values.add(value(new Rdb(0).raw(1).string("f").string("v")));
        // zset (3): ASCII doubles with the NaN, +inf and -inf markers
        values.add(value(new Rdb(0).raw(4).string("a").raw(3).text("1.5").string("b").raw(253).string("c").raw(254)
                .string("d").raw(255)));
        // zset (5): binary doubles
        values.add(value(new Rdb(0).raw(1).string("a").raw(le(Double.doubleToLongBits(2.5), 8))));
        // quicklist (14): counted ziplists; quicklist 2 (18): container, then the node, plain or packed
        values.add(value(new Rdb(0).raw(2).string("zl1").string("zl2")));
        values.add(value(new Rdb(0).raw(2).raw(2).string("packed-listpack").raw(1).raw(0xc3, 6, 9, 2, 'a', 'b', 'c',
                0x80, 2)));
        // listpack-like single blobs: intset (11), hash listpack (16), zset listpack (17), set listpack (20)
        values.add(value(new Rdb(0).string("intset")));
        values.add(value(new Rdb(0).string("hash-listpack")));
        values.add(value(new Rdb(0).string("zset-listpack")));
        values.add(value(new Rdb(0).string("set-listpack")));
        // module (7): module id, then opcode-tagged values up to EOF
        values.add(value(new Rdb(0).raw(0x81, 1, 2, 3, 4, 5, 6, 7, 8).raw(1, 5).raw(2, 0x80, 0, 1, 0, 0).raw(3, 1, 2,
                3, 4).raw(4, 1, 2, 3, 4, 5, 6, 7, 8).raw(5).string("module string").raw(0)));
        int[] types = {1, 2, 4, 3, 5, 14, 18, 11, 16, 17, 20, 7};
        for (int i = 0; i < types.length; i++) {
            rdb.op(types[i]).string("key" + i).raw(values.get(i));
        }
        rdb.op(0).string("last").string("value");

        List<RdbKey> keys = all(reader(rdb.withCrc()));

        assertThat(keys).hasSize(types.length + 1);
        for (int i = 0; i < types.length; i++) {
            assertThat(keys.get(i).type()).isEqualTo(types[i]);
            assertThat(keys.get(i).value()).as("type %d", types[i]).isEqualTo(values.get(i));
        }
        assertThat(keys).extracting(RdbKey::typeName).containsExactly("list", "set", "hash", "zset", "zset", "list",
                "list", "set", "hash", "zset", "set", "module", "string");
    }

    @Test
    void findsTheExtentOfStreamsInAllThreeVersions() throws IOException {
        Rdb rdb = new Rdb(11);
        byte[][] values = {stream(15), stream(19), stream(21)};
        rdb.op(15).string("s1").raw(values[0]);
        rdb.op(19).string("s2").raw(values[1]);
        rdb.op(21).string("s3").raw(values[2]);
        rdb.op(0).string("after").string("streams");

        List<RdbKey> keys = all(reader(rdb.withCrc()));

        assertThat(keys).extracting(RdbKey::keyText).containsExactly("s1", "s2", "s3", "after");
        for (int i = 0; i < 3; i++) {
            assertThat(keys.get(i).value()).isEqualTo(values[i]);
            assertThat(keys.get(i).typeName()).isEqualTo("stream");
        }
    }

    @Test
    void skipsModuleAuxDataAndCountsFunctionLibraries() throws IOException {
        Rdb rdb = new Rdb(10);
        rdb.op(0xf7).raw(0x81, 1, 2, 3, 4, 5, 6, 7, 8).raw(2, 2).raw(5).string("aux").raw(0); // MODULE_AUX
        rdb.op(0xf5).string("#!lua name=one\nredis.register_function('f', function() return 1 end)");
        rdb.op(0xf5).string("#!lua name=two\nredis.register_function('g', function() return 2 end)");
        rdb.op(0xf4).raw(1, 2, 3); // cluster slot info (7.4)
        rdb.op(0).string("k").string("v");

        RdbKeyReader reader = reader(rdb.withCrc());
        assertThat(all(reader)).extracting(RdbKey::keyText).containsExactly("k");
        assertThat(reader.functions()).isEqualTo(2);
        assertThat(reader.checksum()).isEqualTo(RdbChecksum.VERIFIED);
    }

    @Test
    void reportsAMismatchWhenAValueByteIsCorrupt() throws IOException {
        Rdb rdb = new Rdb(10).op(0).string("k").string("a value long enough to flip");
        byte[] bytes = rdb.withCrc();
        bytes[bytes.length - 15] ^= 0x20;

        RdbKeyReader reader = reader(bytes);
        assertThat(all(reader)).hasSize(1);
        assertThat(reader.checksum()).isEqualTo(RdbChecksum.MISMATCH);
        assertThat(reader.storedCrc()).isNotEqualTo(reader.computedCrc());
    }

    @Test
    void reportsChecksumsDisabledWhenTheTrailerIsZeroAndMissingWhenThereIsNone() throws IOException {
        Rdb rdb = new Rdb(10).op(0).string("k").string("v");
        RdbKeyReader disabled = reader(rdb.withoutCrc());
        all(disabled);
        assertThat(disabled.checksum()).isEqualTo(RdbChecksum.DISABLED);

        RdbKeyReader missing = reader(rdb.op(0xff).bytes());
        all(missing);
        assertThat(missing.checksum()).isEqualTo(RdbChecksum.MISSING);
        assertThat(missing.next()).isNull();
    }

    @Test
    void rejectsATruncatedStreamNamingTheOffset() throws IOException {
        byte[] whole = new Rdb(10).op(0).string("key").string("value").op(1).string("list").raw(3).string("a")
                .string("b").string("c").withCrc();
        for (int cut : new int[]{12, whole.length - 11, whole.length - 9}) {
            byte[] truncated = Arrays.copyOf(whole, cut);
            assertThatThrownBy(() -> all(reader(truncated))).as("cut at %d", cut)
                    .isInstanceOfSatisfying(RdbFormatException.class, e -> assertThat(e.offset()).isEqualTo(cut))
                    .hasMessageContaining("truncated stream").hasMessageEndingWith("at byte offset " + cut);
        }
        assertThatThrownBy(() -> all(reader(Arrays.copyOf(whole, whole.length - 11))))
                .hasMessageContaining("while reading the value of key 'list' (list, type 1)");
        byte[] partialTrailer = Arrays.copyOf(whole, whole.length - 3);
        assertThatThrownBy(() -> all(reader(partialTrailer))).isInstanceOf(RdbFormatException.class)
                .hasMessageContaining("the checksum trailer");
    }

    @Test
    void rejectsUnknownTypesAndNewerFormatsNamingThem() {
        assertThatThrownBy(() -> all(reader(new Rdb(10).op(0).string("a").string("b").op(8).string("k")
                .withCrc()))).isInstanceOfSatisfying(RdbFormatException.class, e -> assertThat(e.offset())
                        .isEqualTo(14))
                .hasMessage("unknown type or opcode 0x08 at byte offset 14");
        assertThatThrownBy(() -> all(reader(new Rdb(12).op(24).string("k").withCrc())))
                .isInstanceOf(RdbFormatException.class).hasMessageContaining("type 24")
                .hasMessageContaining("needs a newer reader");
        assertThatThrownBy(() -> all(reader(new Rdb(12).op(0x30).withCrc()))).isInstanceOf(
                RdbFormatException.class).hasMessageContaining("0x30");
        assertThatThrownBy(() -> all(reader(new Rdb(10).op(6).string("k").withCrc())))
                .hasMessageContaining("type 6");
        assertThatThrownBy(() -> all(reader(new Rdb(10).op(0xf6).withCrc()))).hasMessageContaining("0xf6");
        assertThatThrownBy(() -> all(reader(new Rdb(10).op(0).string("k").raw(0xc4).withCrc())))
                .hasMessageContaining("unknown string encoding 0xc4");
        assertThatThrownBy(() -> all(reader(new Rdb(10).op(18).string("k").raw(1, 3).string("node").withCrc())))
                .hasMessageContaining("bad quicklist node container 3");
        assertThatThrownBy(() -> all(reader(new Rdb(10).op(0).string("k").raw(0x82).withCrc())))
                .hasMessageContaining("bad length prefix 0x82");
    }

    @Test
    void rejectsAStreamThatIsNotAnRdbOrIsTooNew() {
        assertThatThrownBy(() -> reader("HELLO WORLD".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(RdbFormatException.class).hasMessageContaining("not an RDB");
        assertThatThrownBy(() -> reader("REDIS".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(RdbFormatException.class).hasMessageContaining("not an RDB");
        assertThatThrownBy(() -> reader("REDIS0013".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(RdbFormatException.class).hasMessageContaining("needs a newer reader");
    }

    @Test
    void buildsTheDumpPayloadAsRestoreExpectsIt() {
        byte[] value = {5, 'h', 'e', 'l', 'l', 'o'};
        RdbKey key = new RdbKey(0, "k".getBytes(StandardCharsets.US_ASCII), -1, 0, value);

        byte[] payload = key.dumpPayload(10);

        assertThat(payload).hasSize(1 + value.length + 2 + 8);
        assertThat(Arrays.copyOfRange(payload, 0, 9)).containsExactly(0, 5, 'h', 'e', 'l', 'l', 'o', 10, 0);
        assertThat(Arrays.copyOfRange(payload, 9, 17)).isEqualTo(le(Crc64.of(Arrays.copyOf(payload, 9)), 8));
        assertThat(new RdbKey(0, new byte[0], -1, 18, new byte[0]).dumpPayload(0x0102)).startsWith(18, 2, 1);
    }

    /** A stream value of {@code type} (15, 19 or 21) with one node, two groups, a PEL and consumers. */
    private static byte[] stream(int type) {
        Rdb s = new Rdb(0).raw(1).raw(16).raw(new byte[16]).string("listpack bytes");
        s.raw(3).raw(0x81).raw(le(Long.reverseBytes(1_763_736_720_000L), 8)).raw(5); // entries, last ID
        if (type >= 19) {
            s.raw(0, 1, 0, 0, 4); // first ID, max deleted ID, entries added
        }
        s.raw(2); // groups
        s.string("g1").raw(0, 3);
        if (type >= 19) {
            s.raw(0x81).raw(new byte[]{-1, -1, -1, -1, -1, -1, -1, -1}); // entries read unknown: -1
        }
        s.raw(2).raw(new byte[16]).raw(new byte[8]).raw(1).raw(new byte[16]).raw(new byte[8]).raw(0x40, 0x90);
        s.raw(1).string("alice").raw(new byte[8]);
        if (type >= 21) {
            s.raw(new byte[8]); // active time
        }
        s.raw(2).raw(new byte[16]).raw(new byte[16]);
        s.string("g2").raw(0, 0);
        if (type >= 19) {
            s.raw(0);
        }
        s.raw(0).raw(0);
        return s.bytes();
    }

    private static RdbKeyReader reader(byte[] rdb) throws IOException {
        return new RdbKeyReader(new ByteArrayInputStream(rdb));
    }

    private static List<RdbKey> all(RdbKeyReader reader) throws IOException {
        List<RdbKey> keys = new ArrayList<>();
        for (RdbKey key = reader.next(); key != null; key = reader.next()) {
            keys.add(key);
        }
        return keys;
    }

    private static byte[] value(Rdb rdb) {
        return rdb.bytes();
    }

    private static byte[] le(long value, int bytes) {
        byte[] out = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            out[i] = (byte) (value >>> (8 * i));
        }
        return out;
    }

    /** Builds RDB bytes; version 0 builds a bare fragment without a header. */
    private static final class Rdb {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Rdb(int version) {
            if (version > 0) {
                text(String.format("REDIS%04d", version));
            }
        }

        Rdb op(int opcode) {
            out.write(opcode);
            return this;
        }

        Rdb raw(int... bytes) {
            for (int b : bytes) {
                out.write(b);
            }
            return this;
        }

        Rdb raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        Rdb text(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        /** A length-prefixed string: 6-bit length below 64 bytes, 14-bit below 16384. */
        Rdb string(String value) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 64) {
                out.write(bytes.length);
            } else {
                out.write(0x40 | (bytes.length >> 8));
                out.write(bytes.length & 0xff);
            }
            out.writeBytes(bytes);
            return this;
        }

        Rdb aux(String key, String value) {
            return op(0xfa).string(key).string(value);
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        byte[] withCrc() {
            return trailer(true);
        }

        byte[] withoutCrc() {
            return trailer(false);
        }

        private byte[] trailer(boolean checksum) {
            byte[] body = Arrays.copyOf(bytes(), out.size() + 1);
            body[body.length - 1] = (byte) 0xff;
            byte[] rdb = Arrays.copyOf(body, body.length + 8);
            System.arraycopy(le(checksum ? Crc64.of(body) : 0, 8), 0, rdb, body.length, 8);
            return rdb;
        }
    }
}
