package io.lifeboat.cli.decrypt;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * An output file written as {@code FILE.partial} and renamed to {@code FILE} only once everything was written and
 * synced, so that {@code FILE} never exists incomplete and a failure leaves neither behind.
 */
public final class PartialFile {

    /** What writes the contents. */
    @FunctionalInterface
    public interface Writer {
        /** Writes everything to {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    private final Path file;
    private final boolean replace;

    /** The output {@code file}; an existing one is replaced only when {@code replace}. */
    public PartialFile(Path file, boolean replace) {
        this.file = file;
        this.replace = replace;
    }

    /** {@code FILE.partial}, beside the file so that the rename stays on one file system. */
    public Path partial() {
        return file.resolveSibling(file.getFileName() + ".partial");
    }

    /** Fails naming the file when it exists and may not be replaced; checked before any backup is read. */
    public void checkWritable() throws IOException {
        if (!replace && Files.exists(file)) {
            throw new IOException("output file '" + file + "' already exists; remove it or pass --force");
        }
    }

    /** Runs {@code writer} into {@code FILE.partial}, syncs and renames it; on any failure deletes the partial file. */
    public void write(Writer writer) throws IOException {
        checkWritable();
        Path partial = partial();
        try {
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                writer.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }
}
