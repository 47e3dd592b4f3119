package io.lifeboat.agent.fs.tree;

import static io.lifeboat.agent.fs.tree.TreeFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeWalkerTest {

    @TempDir
    Path root;

    private List<String> paths(Selection s) throws IOException {
        return new TreeWalker(root, s, false).walkAll().entries().stream().map(WalkEntry::path).toList();
    }

    @Test
    void excludesTmpLogAndCacheContentAtEveryDepthAndKeepsTheRestInTreeOrder() throws IOException {
        write(root.resolve("a.txt"), "a");
        write(root.resolve("a.tmp"), "x");
        write(root.resolve("sub/b.log"), "x");
        write(root.resolve("sub/b.txt"), "b");
        write(root.resolve("sub/deep/c.tmp"), "x");
        write(root.resolve("sub/deep/c.txt"), "c");
        write(root.resolve("cache/k1"), "x");
        write(root.resolve("sub/cache/k2/inner"), "x");
        write(root.resolve("sub/cached"), "kept");

        List<String> taken = paths(Selection.of(List.of(), List.of("*.tmp", "*.log", "cache/*")));

        assertThat(taken).containsExactly("a.txt", "cache", "sub", "sub/b.txt", "sub/cache", "sub/cached",
                "sub/deep", "sub/deep/c.txt");
    }

    @Test
    void includesSelectSubtreesAndBringTheirParentDirectoriesAlong() throws IOException {
        write(root.resolve("docs/a/keep/x"), "x");
        write(root.resolve("docs/a/drop"), "x");
        write(root.resolve("docs/b/other"), "x");
        write(root.resolve("src/keep/y"), "y");

        List<String> taken = paths(Selection.of(List.of("/docs/*/keep"), List.of()));

        assertThat(taken).containsExactly("docs", "docs/a", "docs/a/keep", "docs/a/keep/x");
    }

    @Test
    void recordsSymlinksWithoutFollowingThemIncludingLoopsAndDanglingOnes() throws IOException {
        write(root.resolve("real/f"), "f");
        Files.createSymbolicLink(root.resolve("toReal"), Path.of("real"));
        Files.createSymbolicLink(root.resolve("loop"), Path.of("loop"));
        Files.createSymbolicLink(root.resolve("dangling"), Path.of("/no/such/place"));

        Map<String, WalkEntry> byPath = byPath(new TreeWalker(root, Selection.everything(), false).walkAll());

        assertThat(byPath.keySet()).containsExactlyInAnyOrder("dangling", "loop", "real", "real/f", "toReal");
        assertThat(byPath.get("toReal").type()).isEqualTo(NodeType.SYMLINK);
        assertThat(byPath.get("toReal").symlinkTarget()).isEqualTo("real");
        assertThat(byPath.get("loop").symlinkTarget()).isEqualTo("loop");
        assertThat(byPath.get("dangling").symlinkTarget()).isEqualTo("/no/such/place");
    }

    @Test
    void turnsLaterPathsOfTheSameInodeIntoHardLinksToTheFirst() throws IOException {
        write(root.resolve("a/first"), "shared");
        Files.createDirectories(root.resolve("b"));
        Files.createLink(root.resolve("b/second"), root.resolve("a/first"));

        Map<String, WalkEntry> byPath = byPath(new TreeWalker(root, Selection.everything(), false).walkAll());

        assertThat(byPath.get("a/first").type()).isEqualTo(NodeType.FILE);
        assertThat(byPath.get("b/second").type()).isEqualTo(NodeType.HARDLINK);
        assertThat(byPath.get("b/second").hardLinkTo()).isEqualTo("a/first");
    }

    @Test
    void keepsModeBitsAndNanosecondMtimes() throws IOException {
        Path f = write(root.resolve("tool"), "#!/bin/sh\n");
        Files.setAttribute(f, "unix:mode", 04751);
        Instant mtime = Instant.parse("2021-03-04T05:06:07.123456789Z");
        Files.setLastModifiedTime(f, FileTime.from(mtime));

        WalkEntry e = new TreeWalker(root, Selection.everything(), false).walkAll().entries().get(0);

        assertThat(e.mode()).isEqualTo(04751);
        assertThat(e.mtime()).isEqualTo(mtime);
        assertThat(e.size()).isEqualTo(10);
        assertThat(e.inode()).isEqualTo(Files.getAttribute(f, "unix:ino", LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void failsWithAClearMessageWhenTheRootIsMissingOrNotADirectory() throws IOException {
        Path missing = root.resolve("missing");
        assertThatThrownBy(() -> new TreeWalker(missing, Selection.everything(), false).walkAll())
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
        Path file = write(root.resolve("file"), "x");
        assertThatThrownBy(() -> new TreeWalker(file, Selection.everything(), false).walkAll())
                .hasMessageContaining("backup path '" + file + "' is not a directory");
    }

    @Test
    void reportsAnUnlistableDirectoryAsAProblemAndGoesOn() throws IOException {
        write(root.resolve("ok/a"), "a");
        Path locked = Files.createDirectories(root.resolve("locked"));
        write(locked.resolve("secret"), "s");
        Files.setAttribute(locked, "unix:mode", 0);
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(locked), "running as root reads anything");
        try {
            TreeWalker.WalkResult r = new TreeWalker(root, Selection.everything(), false).walkAll();
            assertThat(r.entries()).extracting(WalkEntry::path).containsExactly("locked", "ok", "ok/a");
            assertThat(r.problems()).extracting(Problem::path).containsExactly("locked");
        } finally {
            Files.setAttribute(locked, "unix:mode", 0700);
        }
    }

    @Test
    void recordsAFifoAsOtherWithoutOpeningIt() throws Exception {
        Path fifo = root.resolve("pipe");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo is available");

        List<WalkEntry> entries = new TreeWalker(root, Selection.everything(), false).walkAll().entries();

        assertThat(entries).extracting(WalkEntry::path, WalkEntry::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pipe", NodeType.OTHER));
    }

    private static Map<String, WalkEntry> byPath(TreeWalker.WalkResult r) {
        assertThat(r.problems()).isEmpty();
        return r.entries().stream().collect(Collectors.toMap(WalkEntry::path, Function.identity()));
    }
}
