package io.lifeboat.agent.mongo.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;

import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

/**
 * Writes a mongodump archive ({@code mongodump --archive}, format 0.1): the magic number, the prelude (header and one
 * metadata document per namespace), then per namespace a segment of its BSON documents and an EOF block carrying the
 * CRC-64 of those documents. Namespaces are written one after the other, never interleaved. Not thread-safe.
 */
public final class ArchiveWriter {

    /** The archive's first four bytes, little-endian. */
    public static final int MAGIC = 0x8199e26d;
    /** The archive format version the prelude announces. */
    public static final String FORMAT_VERSION = "0.1";
    /** The collection name of the oplog slice, in database {@code ""}, as mongodump {@code --oplog} names it. */
    public static final String OPLOG_COLLECTION = "oplog";
    /** What the prelude's {@code tool_version} says. */
    public static final String TOOL_VERSION = "lifeboat-mongo-agent";

    static final byte[] TERMINATOR = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
    private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();

    private final OutputStream out;
    private String db;
    private String collection;
    private boolean segmentOpen;
    private Crc64 crc;
    private long documents;
    private long bytes;

    /** A writer onto {@code out}, which it never closes. */
    public ArchiveWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes the magic number, the header and the metadata of every namespace the archive will hold. */
    public void prelude(String serverVersion, List<NamespaceMetadata> namespaces) throws IOException {
        out.write(ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(MAGIC).array());
        BsonDocument header = new BsonDocument("concurrent_collections", new BsonInt32(1))
                .append("version", new BsonString(FORMAT_VERSION))
                .append("server_version", new BsonString(serverVersion))
                .append("tool_version", new BsonString(TOOL_VERSION));
        write(header);
        for (NamespaceMetadata ns : namespaces) {
            write(new BsonDocument("db", new BsonString(ns.db())).append("collection", new BsonString(ns.collection()))
                    .append("metadata", new BsonString(ns.metadata())).append("size", new BsonInt32(ns.size()))
                    .append("type", new BsonString(ns.type())));
        }
        out.write(TERMINATOR);
    }

    /** Starts the documents of {@code db.collection}; the previous namespace must have been ended. */
    public void begin(String db, String collection) {
        if (this.db != null) {
            throw new IllegalStateException("namespace " + this.db + "." + this.collection + " is not ended");
        }
        this.db = db;
        this.collection = collection;
        this.crc = new Crc64();
        this.documents = 0;
        this.bytes = 0;
        this.segmentOpen = false;
    }

    /** Writes one BSON document of the current namespace. */
    public void document(RawBsonDocument document) throws IOException {
        ByteBuffer buffer = document.getByteBuffer().asNIO();
        byte[] array;
        int offset;
        int length = buffer.remaining();
        if (buffer.hasArray()) {
            array = buffer.array();
            offset = buffer.arrayOffset() + buffer.position();
        } else {
            array = new byte[length];
            buffer.get(array);
            offset = 0;
        }
        if (!segmentOpen) {
            write(namespaceHeader(false, 0));
            segmentOpen = true;
        }
        out.write(array, offset, length);
        crc.update(array, offset, length);
        documents++;
        bytes += length;
    }

    /** Ends the current namespace with its EOF block; returns the number of documents it held. */
    public long end() throws IOException {
        if (db == null) {
            throw new IllegalStateException("no namespace begun");
        }
        if (segmentOpen) {
            out.write(TERMINATOR);
        }
        write(namespaceHeader(true, crc.value()));
        out.write(TERMINATOR);
        long written = documents;
        db = null;
        collection = null;
        return written;
    }

    /** Bytes of BSON documents written in the current namespace. */
    public long bytes() {
        return bytes;
    }

    private BsonDocument namespaceHeader(boolean eof, long crcValue) {
        return new BsonDocument("db", new BsonString(db)).append("collection", new BsonString(collection))
                .append("EOF", BsonBoolean.valueOf(eof)).append("CRC", new BsonInt64(crcValue));
    }

    private void write(BsonDocument document) throws IOException {
        ByteBuffer buffer = new RawBsonDocument(document, CODEC).getByteBuffer().asNIO();
        byte[] array = new byte[buffer.remaining()];
        buffer.get(array);
        out.write(array);
    }
}
