package io.lifeboat.agent.fs.tree;

import static io.lifeboat.agent.fs.tree.TreeFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeRestorerTest {

    private static final String HEADER = "{\"format\":\"lifeboat-fs-tree-1\",\"root\":\"/src\","
            + "\"createdAt\":\"2026-11-22T00:00:00Z\",\"host\":\"h\"}\n";

    @TempDir
    Path tmp;

    private final TreeFixtures fixtures = new TreeFixtures();

    private Path source() throws IOException {
        Path src = tmp.resolve("src");
        byte[] big = new byte[25_000];
        new Random(7).nextBytes(big);
        Files.createDirectories(src.resolve("docs/a"));
        Files.write(src.resolve("docs/a/big.bin"), big);
        write(src.resolve("docs/a/note.txt"), "note");
        write(src.resolve("docs/empty"), "");
        Path tool = write(src.resolve("bin/tool"), "#!/bin/sh\necho hi\n");
        Files.setAttribute(tool, "unix:mode", 04750);
        Files.createSymbolicLink(src.resolve("docs/latest"), Path.of("a/note.txt"));
        Files.createSymbolicLink(src.resolve("outside"), Path.of("/etc/hostname"));
        Files.createLink(src.resolve("bin/tool-again"), tool);
        Files.setAttribute(src.resolve("bin"), "unix:mode", 0750);
        Instant t = Instant.parse("2020-05-06T07:08:09.123456789Z");
        for (String p : List.of("docs/a/big.bin", "docs/a/note.txt", "bin/tool", "docs/a", "docs", "bin")) {
            Files.setLastModifiedTime(src.resolve(p), FileTime.from(t));
            t = t.plusSeconds(61).plusNanos(7);
        }
        return src;
    }

    @Test
    void restoresAWholeSnapshotByteIdenticalWithModesMtimesSymlinksAndHardLinks() throws IOException {
        Path src = source();
        byte[] tree = fixtures.backup(src, Selection.everything(), ChangeCache.empty());
        Path target = tmp.resolve("target");

        RestoreResult result = new TreeRestorer(fixtures.content()).restore(TreeFixtures.reader(tree),
                new RestoreOptions(target, "", false, TreeRestorer.runningAsRoot()));

        assertThat(result.files()).isEqualTo(4);
        assertThat(result.dirs()).isEqualTo(3);
        assertThat(result.symlinks()).isEqualTo(2);
        assertThat(result.hardLinks()).isEqualTo(1);
        assertThat(result.bytes()).isEqualTo(25_000 + 4 + 18);
        assertThat(result.skipped()).isEmpty();
        Map<String, WalkEntry> before = walk(src);
        Map<String, WalkEntry> after = walk(target);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (WalkEntry b : before.values()) {
            WalkEntry a = after.get(b.path());
            assertThat(a.type()).as(b.path()).isEqualTo(b.type());
            assertThat(a.mode()).as(b.path()).isEqualTo(b.mode());
            assertThat(a.size()).as(b.path()).isEqualTo(b.size());
            assertThat(a.symlinkTarget()).as(b.path()).isEqualTo(b.symlinkTarget());
            assertThat(a.hardLinkTo()).as(b.path()).isEqualTo(b.hardLinkTo());
            if (b.type() != NodeType.SYMLINK) {
                assertThat(a.mtime()).as(b.path()).isEqualTo(b.mtime());
            }
            if (b.type() == NodeType.FILE) {
                assertThat(Files.readAllBytes(a.file())).as(b.path()).isEqualTo(Files.readAllBytes(b.file()));
            }
        }
        assertThat(Files.getAttribute(target.resolve("bin/tool"), "unix:ino"))
                .isEqualTo(Files.getAttribute(target.resolve("bin/tool-again"), "unix:ino"));
        assertThat(Files.getAttribute(target.resolve("bin/tool"), "unix:mode")).isEqualTo(0104750);
    }

    @Test
    void restoresASubPathAtItsPlaceUnderTheTarget() throws IOException {
        byte[] tree = fixtures.backup(source(), Selection.everything(), ChangeCache.empty());
        Path target = tmp.resolve("target");

        RestoreResult result = new TreeRestorer(fixtures.content()).restore(TreeFixtures.reader(tree),
                new RestoreOptions(target, "docs/a", false, false));

        assertThat(walk(target).keySet()).containsExactlyInAnyOrder("docs", "docs/a", "docs/a/big.bin",
                "docs/a/note.txt");
        assertThat(result.files()).isEqualTo(2);
        assertThat(Files.readString(target.resolve("docs/a/note.txt"))).isEqualTo("note");
        assertThatThrownBy(() -> new TreeRestorer(fixtures.content()).restore(TreeFixtures.reader(tree),
                new RestoreOptions(tmp.resolve("other"), "nope", false, false)))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("nope");
    }

    @Test
    void refusesAnEntryBelowASymlinkThatACraftedSnapshotCreated() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        String tree = HEADER + "{\"path\":\"a\",\"type\":\"symlink\",\"size\":0,\"mode\":\"0777\",\"uid\":0,"
                + "\"gid\":0,\"mtime\":\"2026-01-01T00:00:00Z\",\"ino\":1,\"dev\":1,\"target\":\"" + outside + "\"}\n"
                + "{\"path\":\"a/file\",\"type\":\"file\",\"size\":0,\"mode\":\"0644\",\"uid\":0,\"gid\":0,"
                + "\"mtime\":\"2026-01-01T00:00:00Z\",\"ino\":2,\"dev\":1,\"chunks\":[]}\n"
                + "{\"entries\":2,\"files\":1,\"dirs\":0,\"bytes\":0,\"partial\":[]}\n";
        Path target = tmp.resolve("target");

        assertThatThrownBy(() -> new TreeRestorer(fixtures.content()).restore(TreeFixtures.reader(tree),
                new RestoreOptions(target, "", true, false))).isInstanceOf(TreeFormatException.class)
                .hasMessage("snapshot tree line 3, entry 'a/file': its parent directory 'a' is not listed before it");
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void refusesASymlinkAlreadyInTheTargetAsAParent() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path target = Files.createDirectories(tmp.resolve("target"));
        Files.createSymbolicLink(target.resolve("a"), outside);
        SafePaths paths = new SafePaths(target);

        assertThatThrownBy(() -> paths.resolve("a/passwd")).isInstanceOf(UnsafeEntryException.class)
                .hasMessage("snapshot entry 'a/passwd' escapes the restore target " + target.toRealPath()
                        + ": its parent 'a' is a symbolic link");
        assertThatThrownBy(() -> paths.resolve("../x")).hasMessageContaining("'..' segment");
        assertThatThrownBy(() -> paths.resolve("/etc/passwd")).hasMessageContaining("absolute");
        assertThat(paths.resolve("a")).isEqualTo(target.toRealPath().resolve("a"));
    }

    @Test
    void refusesANonEmptyTargetUnlessOverwriteIsAsked() throws IOException {
        byte[] tree = fixtures.backup(source(), Selection.everything(), ChangeCache.empty());
        Path target = Files.createDirectories(tmp.resolve("target"));
        write(target.resolve("docs/a/note.txt"), "old content");

        assertThatThrownBy(() -> new TreeRestorer(fixtures.content()).restore(TreeFixtures.reader(tree),
                new RestoreOptions(target, "", false, false))).hasMessageContaining("restore target " + target)
                .hasMessageContaining("is not empty");
        assertThat(Files.readString(target.resolve("docs/a/note.txt"))).isEqualTo("old content");

        new TreeRestorer(fixtures.content()).restore(TreeFixtures.reader(tree),
                new RestoreOptions(target, "", true, false));
        assertThat(Files.readString(target.resolve("docs/a/note.txt"))).isEqualTo("note");
    }

    @Test
    void replacesASymlinkInTheTargetInsteadOfWritingThroughIt() throws IOException {
        Path victim = write(tmp.resolve("outside/victim"), "precious");
        Path target = Files.createDirectories(tmp.resolve("target"));
        Files.createSymbolicLink(target.resolve("f"), victim);
        fixtures.chunks.put("aa".repeat(32), "new".getBytes());
        String tree = HEADER + "{\"path\":\"f\",\"type\":\"file\",\"size\":3,\"mode\":\"0600\",\"uid\":0,"
                + "\"gid\":0,\"mtime\":\"2026-01-01T00:00:00Z\",\"ino\":1,\"dev\":1,\"chunks\":[\"" + "aa".repeat(32)
                + "\"]}\n{\"entries\":1,\"files\":1,\"dirs\":0,\"bytes\":3,\"partial\":[]}\n";

        new TreeRestorer(fixtures.content()).restore(TreeFixtures.reader(tree),
                new RestoreOptions(target, "", true, false));

        assertThat(Files.readString(victim)).isEqualTo("precious");
        assertThat(Files.isSymbolicLink(target.resolve("f"))).isFalse();
        assertThat(Files.readString(target.resolve("f"))).isEqualTo("new");
    }

    @Test
    void skipsAHardLinkWhoseSourceIsASymlinkAndSpecialFiles() throws IOException {
        String tree = HEADER + "{\"path\":\"p\",\"type\":\"other\",\"size\":0,\"mode\":\"0644\",\"uid\":0,"
                + "\"gid\":0,\"mtime\":\"2026-01-01T00:00:00Z\",\"ino\":1,\"dev\":1}\n"
                + "{\"path\":\"s\",\"type\":\"symlink\",\"size\":0,\"mode\":\"0777\",\"uid\":0,\"gid\":0,"
                + "\"mtime\":\"2026-01-01T00:00:00Z\",\"ino\":2,\"dev\":1,\"target\":\"/etc/passwd\"}\n"
                + "{\"path\":\"t\",\"type\":\"hardlink\",\"size\":0,\"mode\":\"0644\",\"uid\":0,\"gid\":0,"
                + "\"mtime\":\"2026-01-01T00:00:00Z\",\"ino\":3,\"dev\":1,\"linkTo\":\"s\"}\n"
                + "{\"entries\":3,\"files\":0,\"dirs\":0,\"bytes\":0,\"partial\":[]}\n";
        Path target = tmp.resolve("target");

        RestoreResult result = new TreeRestorer(fixtures.content()).restore(TreeFixtures.reader(tree),
                new RestoreOptions(target, "", false, false));

        assertThat(result.skipped()).containsExactly(new Problem("p", "not restored: socket, fifo or device"),
                new Problem("t", "hard-link source 's' is not a restored regular file"));
        assertThat(Files.exists(target.resolve("t"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.readSymbolicLink(target.resolve("s"))).isEqualTo(Path.of("/etc/passwd"));
    }

    private static Map<String, WalkEntry> walk(Path root) throws IOException {
        return new TreeWalker(root, Selection.everything(), false).walkAll().entries().stream()
                .collect(Collectors.toMap(WalkEntry::path, Function.identity()));
    }

}
