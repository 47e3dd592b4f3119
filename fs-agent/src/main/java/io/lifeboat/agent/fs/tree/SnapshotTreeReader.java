package io.lifeboat.agent.fs.tree;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a snapshot tree written by {@link SnapshotTreeWriter} one entry at a time and validates it as it goes:
 * header first and in a known format, every entry canonical and in walk order with its parent listed before it,
 * the trailer last with counts matching the entries. Every error names the line number and the entry's path.
 */
public final class SnapshotTreeReader {

    private final BufferedReader in;
    private final EntryChecker checker = new EntryChecker();
    private final TreeHeader header;
    private TreeTrailer trailer;
    private long lineNumber;

    /** Opens a tree and reads its header line; the caller closes the stream. */
    public SnapshotTreeReader(InputStream stream) throws IOException {
        this.in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        JsonNode first = nextObject();
        if (first == null) {
            throw new TreeFormatException(1, null, "the tree is empty, a header was expected");
        }
        if (!first.has("format")) {
            throw new TreeFormatException(1, null, "the first line is not a header (no 'format' field)");
        }
        try {
            header = TreeJson.readHeader(first);
        } catch (RuntimeException e) {
            throw new TreeFormatException(1, null, "bad header: " + e.getMessage());
        }
        if (!TreeHeader.FORMAT.equals(header.format())) {
            throw new TreeFormatException(1, null, "unsupported format '" + header.format() + "', expected '"
                    + TreeHeader.FORMAT + "'");
        }
    }

    /** The header line. */
    public TreeHeader header() {
        return header;
    }

    /** The next entry, or empty after the trailer has been read and checked. */
    public Optional<Node> next() throws IOException {
        if (trailer != null) {
            return Optional.empty();
        }
        JsonNode o = nextObject();
        if (o == null) {
            throw new TreeFormatException(lineNumber + 1, null, "the tree ends without a trailer (truncated?)");
        }
        if (!o.has("path") && o.has("entries")) {
            finishWith(o);
            return Optional.empty();
        }
        String path = o.path("path").asText(null);
        Node node;
        try {
            node = TreeJson.readEntry(o);
        } catch (RuntimeException e) {
            throw new TreeFormatException(lineNumber, path, "bad entry: " + e.getMessage());
        }
        String problem = checker.accept(node);
        if (problem != null) {
            throw new TreeFormatException(lineNumber, path, problem);
        }
        return Optional.of(node);
    }

    /** The trailer, once {@link #next()} has returned empty. */
    public TreeTrailer trailer() {
        if (trailer == null) {
            throw new IllegalStateException("the trailer is read after the last entry");
        }
        return trailer;
    }

    private void finishWith(JsonNode o) throws IOException {
        TreeTrailer t;
        try {
            t = TreeJson.readTrailer(o);
        } catch (RuntimeException e) {
            throw new TreeFormatException(lineNumber, null, "bad trailer: " + e.getMessage());
        }
        if (t.entries() != checker.entries() || t.files() != checker.files() || t.dirs() != checker.dirs()
                || t.bytes() != checker.bytes()) {
            throw new TreeFormatException(lineNumber, null, "trailer counts (entries " + t.entries() + ", files "
                    + t.files() + ", dirs " + t.dirs() + ", bytes " + t.bytes() + ") do not match the tree (entries "
                    + checker.entries() + ", files " + checker.files() + ", dirs " + checker.dirs() + ", bytes "
                    + checker.bytes() + ")");
        }
        if (nextObject() != null) {
            throw new TreeFormatException(lineNumber, null, "content after the trailer");
        }
        trailer = t;
    }

    private JsonNode nextObject() throws IOException {
        String line = in.readLine();
        if (line == null) {
            return null;
        }
        lineNumber++;
        try {
            JsonNode o = TreeJson.MAPPER.readTree(line);
            if (o == null || !o.isObject()) {
                throw new TreeFormatException(lineNumber, null, "the line is not a JSON object");
            }
            return o;
        } catch (JsonProcessingException e) {
            throw new TreeFormatException(lineNumber, null, "the line is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
