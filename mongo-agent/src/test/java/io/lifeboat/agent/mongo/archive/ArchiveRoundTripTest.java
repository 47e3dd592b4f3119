package io.lifeboat.agent.mongo.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.junit.jupiter.api.Test;

class ArchiveRoundTripTest {

    private static final List<NamespaceMetadata> PRELUDE = List.of(
            new NamespaceMetadata("shop", "orders", "{\"indexes\":[]}", 0, "collection"),
            new NamespaceMetadata("shop", "empty", "", 0, "collection"),
            new NamespaceMetadata("", ArchiveWriter.OPLOG_COLLECTION, "", 0, ""));

    @Test
    void crc64IsGoEcmaAsMongodumpComputesIt() {
        Crc64 crc = new Crc64();
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        crc.update(check, 0, check.length);

        assertThat(crc.value()).isEqualTo(0x995DC9BBDF1939FAL);
        assertThat(new Crc64().value()).isZero();
    }

    @Test
    void documentsComeBackPerNamespaceWithTheirCountsAfterThePrelude() throws Exception {
        byte[] archive = archive(3);

        ArchiveReader reader = new ArchiveReader(new ByteArrayInputStream(archive));
        assertThat(reader.header().getString("version").getValue()).isEqualTo("0.1");
        assertThat(reader.header().getString("server_version").getValue()).isEqualTo("7.0.0");
        assertThat(reader.namespaces()).containsExactlyElementsOf(PRELUDE);
        assertThat(reader.namespaces().get(2).isOplog()).isTrue();
        List<String> seen = new ArrayList<>();
        ArchiveReader.Item item;
        while ((item = reader.next()) != null) {
            if (item instanceof ArchiveReader.Document d) {
                seen.add(d.db() + "." + d.collection() + ":" + d.document().getInt32("_id").getValue());
            } else if (item instanceof ArchiveReader.End e) {
                seen.add("end " + e.db() + "." + e.collection() + " " + e.documents());
            }
        }
        assertThat(seen).containsExactly("shop.orders:0", "shop.orders:1", "shop.orders:2", "end shop.orders 3",
                "end shop.empty 0", ".oplog:100", "end .oplog 1");
    }

    @Test
    void startsWithTheMagicNumberLittleEndianAndEndsWithATerminator() throws Exception {
        byte[] archive = archive(1);

        assertThat(Arrays.copyOf(archive, 4)).containsExactly(0x6d, 0xe2, 0x99, 0x81);
        assertThat(Arrays.copyOfRange(archive, archive.length - 4, archive.length)).containsExactly(0xff, 0xff, 0xff,
                0xff);
    }

    @Test
    void aChangedDocumentFailsTheNamespaceCrc() throws Exception {
        byte[] archive = archive(3);
        int at = indexOf(archive, "value-1".getBytes(StandardCharsets.UTF_8));
        archive[at + 6] = '9';

        assertThatThrownBy(() -> readAll(archive)).isInstanceOf(ArchiveFormatException.class)
                .hasMessageContaining("shop.orders").hasMessageContaining("CRC-64");
    }

    @Test
    void anArchiveCutShortIsRefused() throws Exception {
        byte[] archive = archive(3);
        byte[] cut = Arrays.copyOf(archive, archive.length - 40);

        assertThatThrownBy(() -> readAll(cut)).hasMessageContaining("cut short");
    }

    @Test
    void somethingElseIsNotTakenForAnArchive() {
        assertThatThrownBy(() -> new ArchiveReader(new ByteArrayInputStream(new byte[]{1, 2, 3, 4, 5})))
                .isInstanceOf(ArchiveFormatException.class).hasMessageContaining("not a mongodump archive");
    }

    private static byte[] archive(int documents) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ArchiveWriter writer = new ArchiveWriter(out);
        writer.prelude("7.0.0", PRELUDE);
        writer.begin("shop", "orders");
        for (int i = 0; i < documents; i++) {
            writer.document(raw(new BsonDocument("_id", new BsonInt32(i)).append("v", new BsonString("value-" + i))));
        }
        assertThat(writer.end()).isEqualTo(documents);
        writer.begin("shop", "empty");
        writer.end();
        writer.begin("", ArchiveWriter.OPLOG_COLLECTION);
        writer.document(raw(new BsonDocument("_id", new BsonInt32(100))));
        writer.end();
        return out.toByteArray();
    }

    private static void readAll(byte[] archive) throws Exception {
        ArchiveReader reader = new ArchiveReader(new ByteArrayInputStream(archive));
        while (reader.next() != null) {
            // Reading is the check.
        }
    }

    private static RawBsonDocument raw(BsonDocument document) {
        return new RawBsonDocument(document, new BsonDocumentCodec());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer : for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
