package io.lifeboat.agent.mongo.archive;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.BsonDocument;
import org.bson.RawBsonDocument;

/**
 * Reads a mongodump archive back as its prelude and a sequence of {@link Item}s: each document with its namespace,
 * and each namespace's end once its CRC-64 has been checked. Fails on a bad magic number, a malformed block, a CRC
 * that differs, or a stream that ends before every namespace of the prelude was closed.
 */
public final class ArchiveReader {

    /** Documents larger than this (16 MiB plus mongodump's slack) are taken as corruption. */
    private static final int MAX_DOCUMENT = 16 * 1024 * 1024 + 16 * 1024;

    private final InputStream in;
    private final BsonDocument header;
    private final List<NamespaceMetadata> namespaces = new ArrayList<>();
    private final Map<String, Open> open = new LinkedHashMap<>();
    private String current;

    /** One thing read after the prelude. */
    public sealed interface Item {
    }

    /** A document of namespace {@code db.collection}. */
    public record Document(String db, String collection, RawBsonDocument document) implements Item {
    }

    /** The end of namespace {@code db.collection}, its CRC checked, after {@code documents} documents. */
    public record End(String db, String collection, long documents) implements Item {
    }

    private static final class Open {
        final Crc64 crc = new Crc64();
        long documents;
        boolean ended;
    }

    /** Reads the magic number and the prelude from {@code in}, which the caller closes. */
    public ArchiveReader(InputStream in) throws IOException {
        this.in = in;
        byte[] magic = readFully(4, "magic number");
        if (littleEndian(magic) != ArchiveWriter.MAGIC) {
            throw new ArchiveFormatException("not a mongodump archive: the magic number is "
                    + Integer.toHexString(littleEndian(magic)) + ", not " + Integer.toHexString(ArchiveWriter.MAGIC));
        }
        byte[] first = readDocumentOrTerminator("prelude header");
        if (first == null) {
            throw new ArchiveFormatException("the archive's prelude has no header document");
        }
        header = new RawBsonDocument(first);
        byte[] next;
        while ((next = readDocumentOrTerminator("prelude")) != null) {
            BsonDocument meta = new RawBsonDocument(next);
            NamespaceMetadata ns = new NamespaceMetadata(meta.getString("db").getValue(),
                    meta.getString("collection").getValue(),
                    meta.containsKey("metadata") ? meta.getString("metadata").getValue() : "",
                    meta.containsKey("size") && meta.get("size").isNumber() ? meta.getNumber("size").intValue() : 0,
                    meta.containsKey("type") ? meta.getString("type").getValue() : "");
            namespaces.add(ns);
            open.put(ns.namespace(), new Open());
        }
    }

    /** The prelude's header: {@code concurrent_collections}, {@code version}, {@code server_version}, ... */
    public BsonDocument header() {
        return header;
    }

    /** The namespaces of the prelude, in order. */
    public List<NamespaceMetadata> namespaces() {
        return List.copyOf(namespaces);
    }

    /** The next document or namespace end; null at the end of a complete archive. */
    public Item next() throws IOException {
        while (true) {
            if (current == null) {
                byte[] block = readBlockStart();
                if (block == null) {
                    List<String> unfinished = open.entrySet().stream().filter(e -> !e.getValue().ended)
                            .map(Map.Entry::getKey).toList();
                    if (!unfinished.isEmpty()) {
                        throw new ArchiveFormatException("the archive ends before namespaces " + unfinished
                                + " were complete (cut short?)");
                    }
                    return null;
                }
                RawBsonDocument nsHeader = new RawBsonDocument(block);
                String db = nsHeader.getString("db").getValue();
                String collection = nsHeader.getString("collection").getValue();
                String ns = db + "." + collection;
                Open state = open.get(ns);
                if (state == null || state.ended) {
                    throw new ArchiveFormatException("a block of namespace " + ns + (state == null
                            ? ", which the prelude does not list"
                            : ", which had already ended"));
                }
                if (nsHeader.getBoolean("EOF").getValue()) {
                    long recorded = nsHeader.getNumber("CRC").longValue();
                    if (recorded != state.crc.value()) {
                        throw new ArchiveFormatException("the documents of namespace " + ns + " have CRC-64 "
                                + state.crc.value() + ", the archive recorded " + recorded);
                    }
                    if (readDocumentOrTerminator("EOF block of " + ns) != null) {
                        throw new ArchiveFormatException("the EOF block of namespace " + ns + " holds documents");
                    }
                    state.ended = true;
                    return new End(db, collection, state.documents);
                }
                current = ns;
            }
            byte[] body = readDocumentOrTerminator("documents of " + current);
            if (body == null) {
                current = null;
                continue;
            }
            Open state = open.get(current);
            state.crc.update(body, 0, body.length);
            state.documents++;
            int dot = current.indexOf('.');
            return new Document(current.substring(0, dot), current.substring(dot + 1), new RawBsonDocument(body));
        }
    }

    /** A block's header document, or null at a clean end of the stream. */
    private byte[] readBlockStart() throws IOException {
        byte[] length = new byte[4];
        int read = in.readNBytes(length, 0, 4);
        if (read == 0) {
            return null;
        }
        if (read < 4) {
            throw new ArchiveFormatException("the archive ends inside a block header (cut short?)");
        }
        if (littleEndian(length) == -1) {
            throw new ArchiveFormatException("two terminators in a row: a block without a header");
        }
        return readRest(length, "namespace header");
    }

    private byte[] readDocumentOrTerminator(String what) throws IOException {
        byte[] length = readFully(4, what);
        if (littleEndian(length) == -1) {
            return null;
        }
        return readRest(length, what);
    }

    private byte[] readRest(byte[] length, String what) throws IOException {
        int size = littleEndian(length);
        if (size < 5 || size > MAX_DOCUMENT) {
            throw new ArchiveFormatException(size + " in the " + what + " is neither a BSON length nor a terminator");
        }
        byte[] document = new byte[size];
        System.arraycopy(length, 0, document, 0, 4);
        if (in.readNBytes(document, 4, size - 4) < size - 4) {
            throw new ArchiveFormatException("the archive ends inside a BSON document of the " + what
                    + " (cut short?)");
        }
        if (document[size - 1] != 0) {
            throw new ArchiveFormatException("a BSON document of the " + what + " does not end with a zero byte");
        }
        return document;
    }

    private byte[] readFully(int count, String what) throws IOException {
        byte[] bytes = in.readNBytes(count);
        if (bytes.length < count) {
            throw new EOFException("the archive ends inside the " + what + " (cut short?)");
        }
        return bytes;
    }

    private static int littleEndian(byte[] b) {
        return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
    }
}
