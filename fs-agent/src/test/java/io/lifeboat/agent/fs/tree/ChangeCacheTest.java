package io.lifeboat.agent.fs.tree;

import static io.lifeboat.agent.fs.tree.TreeFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeCacheTest {

    private static final Instant T = Instant.parse("2024-01-01T00:00:00.000000001Z");

    @TempDir
    Path tmp;

    private final TreeFixtures fixtures = new TreeFixtures();

    @Test
    void hitsWhenSizeMtimeAndInodeMatchAndMissesWhenAnyMoves() throws IOException {
        Path src = tmp.resolve("src");
        for (String name : List.of("same", "grown", "touched", "replaced")) {
            Files.setLastModifiedTime(write(src.resolve(name), "0123456789"), FileTime.from(T));
        }
        ChangeCache cache = ChangeCache.from(
                TreeFixtures.reader(fixtures.backup(src, Selection.everything(), ChangeCache.empty())));
        assertThat(cache.size()).isEqualTo(4);

        Files.setLastModifiedTime(write(src.resolve("grown"), "0123456789+"), FileTime.from(T));
        Files.setLastModifiedTime(src.resolve("touched"), FileTime.from(T.plusNanos(1)));
        Path other = write(tmp.resolve("other"), "0123456789");
        Files.setLastModifiedTime(other, FileTime.from(T));
        Files.move(other, src.resolve("replaced"), StandardCopyOption.REPLACE_EXISTING);

        assertThat(cache.unchanged(entry(src, "same"))).hasValueSatisfying(ids -> assertThat(ids).hasSize(1));
        assertThat(cache.unchanged(entry(src, "grown"))).isEmpty();
        assertThat(cache.unchanged(entry(src, "touched"))).isEmpty();
        assertThat(cache.unchanged(entry(src, "replaced"))).isEmpty();
    }

    @Test
    void aNoChangeRerunReadsNothingAndWritesTheSameTree() throws IOException {
        Path src = tmp.resolve("src");
        write(src.resolve("a/b"), "content");
        byte[] first = fixtures.backup(src, Selection.everything(), ChangeCache.empty());
        fixtures.chunks.clear();

        byte[] second = fixtures.backup(src, Selection.everything(), ChangeCache.from(TreeFixtures.reader(first)));

        assertThat(fixtures.chunks).isEmpty();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void leavesOutFilesThatThePreviousSnapshotListedAsPartial() throws IOException {
        String chunk = "0f".repeat(32);
        String tree = "{\"format\":\"lifeboat-fs-tree-1\",\"root\":\"/src\",\"createdAt\":\"2026-11-22T00:00:00Z\","
                + "\"host\":\"h\"}\n{\"path\":\"f\",\"type\":\"file\",\"size\":3,\"mode\":\"0644\",\"uid\":0,"
                + "\"gid\":0,\"mtime\":\"2026-01-01T00:00:00Z\",\"ino\":1,\"dev\":1,\"chunks\":[\"" + chunk + "\"]}\n"
                + "{\"entries\":1,\"files\":1,\"dirs\":0,\"bytes\":3,\"partial\":[{\"path\":\"f\",\"reason\":\"x\"}]}\n";

        assertThat(ChangeCache.from(TreeFixtures.reader(tree)).size()).isZero();
    }

    private static WalkEntry entry(Path src, String name) throws IOException {
        return FileStat.read(src.resolve(name), name);
    }
}
