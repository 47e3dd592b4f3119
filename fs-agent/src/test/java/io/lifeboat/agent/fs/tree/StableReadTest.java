package io.lifeboat.agent.fs.tree;

import static io.lifeboat.agent.fs.tree.TreeFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StableReadTest {

    @TempDir
    Path tmp;

    @Test
    void readsAnUnchangedFileCleanly() throws IOException {
        WalkEntry e = FileStat.read(write(tmp.resolve("f"), "hello"), "f");

        StableRead.Outcome<byte[]> out = StableRead.read(e, in -> in.readAllBytes());

        assertThat(out.isClean()).isTrue();
        assertThat(out.value()).isEqualTo("hello".getBytes());
        assertThat(out.bytesRead()).isEqualTo(5);
    }

    @Test
    void reportsAFileThatGrewWhileItWasReadAndKeepsWhatWasRead() throws IOException {
        Path f = write(tmp.resolve("f"), "hello");
        WalkEntry e = FileStat.read(f, "f");

        StableRead.Outcome<byte[]> out = StableRead.read(e, in -> {
            byte[] head = in.readNBytes(2);
            Files.writeString(f, " world", StandardOpenOption.APPEND);
            byte[] rest = in.readAllBytes();
            byte[] all = new byte[head.length + rest.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(rest, 0, all, head.length, rest.length);
            return all;
        });

        assertThat(out.value()).isEqualTo("hello world".getBytes());
        assertThat(out.problem()).hasValueSatisfying(p -> {
            assertThat(p.path()).isEqualTo("f");
            assertThat(p.reason()).startsWith("changed while being read: size 5 -> 11 (11 bytes read)");
        });
    }

    @Test
    void reportsAFileDeletedBeforeItCouldBeOpened() throws IOException {
        Path f = write(tmp.resolve("f"), "hello");
        WalkEntry e = FileStat.read(f, "f");
        Files.delete(f);

        StableRead.Outcome<byte[]> out = StableRead.read(e, in -> in.readAllBytes());

        assertThat(out.value()).isNull();
        assertThat(out.problem()).contains(new Problem("f", "vanished before it could be read"));
    }

    @Test
    void reportsAFileDeletedWhileItWasRead() throws IOException {
        Path f = write(tmp.resolve("f"), "hello");
        WalkEntry e = FileStat.read(f, "f");

        StableRead.Outcome<byte[]> out = StableRead.read(e, in -> {
            Files.delete(f);
            return in.readAllBytes();
        });

        assertThat(out.value()).isEqualTo("hello".getBytes());
        assertThat(out.problem().orElseThrow().reason()).isEqualTo("vanished while being read (5 bytes kept)");
    }

    @Test
    void passesOnAFailureOfTheCallerThatIsNotAboutTheFile() throws IOException {
        WalkEntry e = FileStat.read(write(tmp.resolve("f"), "hello"), "f");

        assertThatThrownBy(() -> StableRead.read(e, in -> {
            in.readAllBytes();
            throw new IOException("repository unavailable");
        })).hasMessage("repository unavailable");
    }
}
