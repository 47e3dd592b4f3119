package io.lifeboat.agent.fs.tree;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test helpers: an in-memory chunk store standing in for the repository, and a small backup loop. */
final class TreeFixtures {

    /** Chunk id to content, filled by {@link #backup} and read back through {@link #content()}. */
    final Map<String, byte[]> chunks = new HashMap<>();

    /** Walks {@code root}, reads each file in 1000-byte chunks, and returns the serialized tree. */
    byte[] backup(Path root, Selection selection, ChangeCache cache) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotTreeWriter writer = new SnapshotTreeWriter(out,
                TreeHeader.of(root.toString(), Instant.parse("2026-11-22T00:00:00Z"), "test-host"));
        List<Problem> problems = new ArrayList<>();
        problems.addAll(new TreeWalker(root, selection, false).walk(e -> {
            try {
                Node node = nodeFor(e, cache, problems);
                if (node != null) {
                    writer.write(node);
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }));
        writer.finish(problems);
        return out.toByteArray();
    }

    private Node nodeFor(WalkEntry e, ChangeCache cache, List<Problem> problems) throws IOException {
        if (e.type() != NodeType.FILE) {
            return e.toNode(List.of());
        }
        Optional<List<String>> known = cache.unchanged(e);
        if (known.isPresent()) {
            return e.toNode(known.get());
        }
        StableRead.Outcome<List<String>> read = StableRead.read(e, this::store);
        read.problem().ifPresent(problems::add);
        if (read.value() == null) {
            return null;
        }
        return e.toNode(read.value()).withContent(read.value(), read.bytesRead());
    }

    /** Cuts a stream into 1000-byte chunks, stores them by SHA-256 and returns their ids. */
    List<String> store(InputStream in) throws IOException {
        List<String> ids = new ArrayList<>();
        byte[] buf;
        while ((buf = in.readNBytes(1000)).length > 0) {
            String id = sha256(buf);
            chunks.put(id, buf);
            ids.add(id);
        }
        return ids;
    }

    /** A content source over the in-memory chunks. */
    ContentSource content() {
        return (ids, out) -> {
            for (String id : ids) {
                byte[] b = chunks.get(id);
                if (b == null) {
                    throw new IOException("chunk " + id + " is not in the store");
                }
                out.write(b);
            }
        };
    }

    static SnapshotTreeReader reader(byte[] tree) throws IOException {
        return new SnapshotTreeReader(new ByteArrayInputStream(tree));
    }

    static SnapshotTreeReader reader(String tree) throws IOException {
        return reader(tree.getBytes(StandardCharsets.UTF_8));
    }

    static List<Node> entries(byte[] tree) throws IOException {
        SnapshotTreeReader r = reader(tree);
        List<Node> nodes = new ArrayList<>();
        Optional<Node> n;
        while ((n = r.next()).isPresent()) {
            nodes.add(n.get());
        }
        return nodes;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
