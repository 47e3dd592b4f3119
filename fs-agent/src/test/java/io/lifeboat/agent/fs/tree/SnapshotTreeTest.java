package io.lifeboat.agent.fs.tree;

import static io.lifeboat.agent.fs.tree.TreeFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTreeTest {

    private static final String HEADER = "{\"format\":\"lifeboat-fs-tree-1\",\"root\":\"/src\","
            + "\"createdAt\":\"2026-11-22T00:00:00Z\",\"host\":\"h\"}\n";
    private static final String CHUNK = "ab".repeat(32);

    @TempDir
    Path tmp;

    @Test
    void roundTripsEveryFieldAndTheTrailer() throws IOException {
        Node dir = node("d", NodeType.DIR, 0, null, null, List.of());
        Node file = node("d/f", NodeType.FILE, 5, null, null, List.of(CHUNK));
        Node link = node("d/l", NodeType.SYMLINK, 0, "../elsewhere", null, List.of());
        Node hard = node("d/z", NodeType.HARDLINK, 5, null, "d/f", List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotTreeWriter w = new SnapshotTreeWriter(out, TreeHeader.of("/src", Instant.EPOCH, "h"));
        for (Node n : List.of(dir, file, link, hard)) {
            w.write(n);
        }
        w.finish(List.of(new Problem("d/gone", "vanished during the walk")));

        SnapshotTreeReader r = TreeFixtures.reader(out.toByteArray());
        assertThat(r.header()).isEqualTo(TreeHeader.of("/src", Instant.EPOCH, "h"));
        assertThat(List.of(r.next().get(), r.next().get(), r.next().get(), r.next().get()))
                .containsExactly(dir, file, link, hard);
        assertThat(r.next()).isEmpty();
        assertThat(r.trailer()).isEqualTo(
                new TreeTrailer(4, 1, 1, 5, List.of(new Problem("d/gone", "vanished during the walk"))));
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8).lines()).hasSize(6);
    }

    @Test
    void serializesIdenticalTreesToIdenticalBytes() throws IOException {
        write(tmp.resolve("src/b/x"), "x");
        write(tmp.resolve("src/a"), "a");
        Files.createSymbolicLink(tmp.resolve("src/c"), Path.of("a"));
        TreeFixtures fixtures = new TreeFixtures();

        byte[] first = fixtures.backup(tmp.resolve("src"), Selection.everything(), ChangeCache.empty());
        byte[] second = fixtures.backup(tmp.resolve("src"), Selection.everything(), ChangeCache.empty());

        assertThat(second).isEqualTo(first);
        assertThat(TreeFixtures.entries(first)).extracting(Node::path).containsExactly("a", "b", "b/x", "c");
    }

    @Test
    void rejectsEntriesThatWouldEscapeTheRootNamingLineAndPath() {
        assertRejected(entry("../x", "file"), "line 2, entry '../x'", "'..' segment");
        assertRejected(entry("/etc/passwd", "file"), "line 2, entry '/etc/passwd'", "absolute");
        assertRejected(entry("a", "dir") + entry("a/../../b", "file"), "line 3, entry 'a/../../b'", "'..' segment");
        assertRejected(entry("a\\u0000b", "file"), "line 2, entry 'a\\u0000b'", "NUL");
        assertRejected(entry("..\\\\x", "file"), "line 2", "'..' segment");
        assertRejected(entry("a//b", "file"), "line 2", "empty segment");
    }

    @Test
    void rejectsAChildBeforeItsParentAndDuplicates() {
        assertRejected(entry("a/b", "file"), "line 2, entry 'a/b'", "parent directory 'a' is not listed before it");
        assertRejected(entry("a", "dir") + entry("a", "symlink"), "line 3, entry 'a'", "not after 'a' in walk order");
        assertRejected(entry("b", "file") + entry("a", "file"), "line 3, entry 'a'", "walk order");
        assertRejected(entry("a", "file") + entry("a/b", "file"), "line 3, entry 'a/b'", "parent directory 'a'");
    }

    @Test
    void rejectsATrailerThatDoesNotMatchOrIsMissing() {
        String tree = HEADER + entry("a", "file")
                + "{\"entries\":2,\"files\":1,\"dirs\":0,\"bytes\":0,\"partial\":[]}\n";
        assertThatThrownBy(() -> readAll(tree)).isInstanceOf(TreeFormatException.class)
                .hasMessageContaining("line 3").hasMessageContaining("trailer counts (entries 2");
        assertThatThrownBy(() -> readAll(HEADER + entry("a", "file"))).hasMessageContaining("line 3")
                .hasMessageContaining("without a trailer");
        assertThatThrownBy(() -> readAll(entry("a", "file"))).hasMessageContaining("line 1")
                .hasMessageContaining("not a header");
    }

    @Test
    void writerRefusesWhatTheReaderWouldRefuse() throws IOException {
        SnapshotTreeWriter w = new SnapshotTreeWriter(new ByteArrayOutputStream(),
                TreeHeader.of("/src", Instant.EPOCH, "h"));
        assertThatThrownBy(() -> w.write(node("x/../y", NodeType.FILE, 0, null, null, List.of())))
                .hasMessageContaining("entry 'x/../y'").hasMessageContaining("'..' segment");
        assertThatThrownBy(() -> w.write(node("f", NodeType.FILE, 0, null, null, List.of("NOTHEX"))))
                .hasMessageContaining("chunk id 'NOTHEX'");
    }

    private static void assertRejected(String entries, String where, String why) {
        String tree = HEADER + entries + "{\"entries\":9,\"files\":0,\"dirs\":0,\"bytes\":0,\"partial\":[]}\n";
        assertThatThrownBy(() -> readAll(tree)).isInstanceOf(TreeFormatException.class).hasMessageContaining(where)
                .hasMessageContaining(why);
    }

    private static void readAll(String tree) throws IOException {
        SnapshotTreeReader r = TreeFixtures.reader(tree);
        Optional<Node> n;
        do {
            n = r.next();
        } while (n.isPresent());
    }

    private static String entry(String jsonPath, String type) {
        String extra = switch (type) {
            case "file" -> ",\"chunks\":[]";
            case "symlink" -> ",\"target\":\"/etc\"";
            default -> "";
        };
        return "{\"path\":\"" + jsonPath + "\",\"type\":\"" + type + "\",\"size\":0,\"mode\":\"0644\",\"uid\":0,"
                + "\"gid\":0,\"mtime\":\"2026-01-01T00:00:00Z\",\"ino\":1,\"dev\":1" + extra + "}\n";
    }

    private static Node node(String path, NodeType type, long size, String target, String linkTo,
            List<String> chunks) {
        return new Node(path, type, size, 0644, 1000, 1000, "u", "g",
                Instant.parse("2026-01-02T03:04:05.123456789Z"), 42, 7, target, linkTo, chunks);
    }
}
