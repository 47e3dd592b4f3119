package io.lifeboat.agent.fs.tree;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

/**
 * Reads one regular file for chunking and tells whether what was read is the file as the walk saw it: the file is
 * opened without following links, handed to a callback that must read it to its end, then stat'ed again; a file
 * that vanished, could not be opened, failed mid-read, or whose size, mtime or inode moved is reported as a
 * {@link Problem}. Safe to call from many reader threads at once.
 *
 * <p>
 * Policy (as restic): when the callback returned, its value is kept even with a problem, and the caller stores
 * the file with the chunks read and {@link Outcome#bytesRead()} as its size, lists the problem in the trailer's
 * partial list (so the snapshot is partially failed and the next run reads the file again, see
 * {@link ChangeCache}); when the file could not be opened or failed mid-read there is no value and the caller
 * leaves the file out of the snapshot.
 */
public final class StableRead {

    private StableRead() {
    }

    /** Reads a file's content as a stream and returns a value (for example the chunk ids). */
    @FunctionalInterface
    public interface ContentReader<T> {
        /** Consumes {@code in} to its end; an IOException not coming from {@code in} is rethrown to the caller. */
        T read(InputStream in) throws IOException;
    }

    /**
     * What came of reading one file.
     *
     * @param value the callback's value, or null when the file could not be read
     * @param bytesRead bytes the callback consumed
     * @param problem what went wrong, if anything
     */
    public record Outcome<T>(T value, long bytesRead, Optional<Problem> problem) {
        /** Whether the file was read as the walk saw it. */
        public boolean isClean() {
            return value != null && problem.isEmpty();
        }
    }

    /**
     * Reads {@code entry}'s file through {@code reader} and re-checks it afterwards.
     *
     * @throws IOException only when the callback failed for a reason other than reading the file
     */
    public static <T> Outcome<T> read(WalkEntry entry, ContentReader<T> reader) throws IOException {
        InputStream raw;
        try {
            raw = Files.newInputStream(entry.file(), LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return failed(entry, 0, "vanished before it could be read");
        } catch (AccessDeniedException e) {
            return failed(entry, 0, "cannot be read: permission denied");
        } catch (FileSystemException e) {
            return failed(entry, 0, "cannot be opened (replaced by a link or special file?): " + e.getMessage());
        }
        Source source = new Source(raw);
        T value;
        try (source) {
            value = reader.read(source);
        } catch (IOException e) {
            if (source.failure != null) {
                return failed(entry, source.count, "read failed after " + source.count + " bytes: "
                        + source.failure.getMessage());
            }
            throw e;
        }
        return new Outcome<>(value, source.count, recheck(entry, source.count));
    }

    private static Optional<Problem> recheck(WalkEntry entry, long bytesRead) {
        WalkEntry after;
        try {
            after = FileStat.read(entry.file(), entry.path());
        } catch (NoSuchFileException e) {
            return Optional.of(new Problem(entry.path(), "vanished while being read (" + bytesRead + " bytes kept)"));
        } catch (IOException e) {
            return Optional.of(new Problem(entry.path(), "cannot be checked after reading: " + e.getMessage()));
        }
        StringBuilder why = new StringBuilder();
        if (after.size() != entry.size() || bytesRead != entry.size()) {
            why.append(", size ").append(entry.size()).append(" -> ").append(after.size()).append(" (")
                    .append(bytesRead).append(" bytes read)");
        }
        if (!after.mtime().equals(entry.mtime())) {
            why.append(", mtime ").append(entry.mtime()).append(" -> ").append(after.mtime());
        }
        if (after.inode() != entry.inode() || after.type() != NodeType.FILE) {
            why.append(", replaced by another file");
        }
        if (why.length() == 0) {
            return Optional.empty();
        }
        return Optional.of(new Problem(entry.path(), "changed while being read: " + why.substring(2)));
    }

    private static <T> Outcome<T> failed(WalkEntry entry, long count, String reason) {
        return new Outcome<>(null, count, Optional.of(new Problem(entry.path(), reason)));
    }

    /** Counts bytes and remembers a failure of the file itself, to tell it apart from a failure of the caller. */
    private static final class Source extends FilterInputStream {
        private long count;
        private IOException failure;

        Source(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                int b = super.read();
                if (b >= 0) {
                    count++;
                }
                return b;
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                int n = super.read(b, off, len);
                if (n > 0) {
                    count += n;
                }
                return n;
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public long skip(long n) throws IOException {
            throw new IOException("skipping is not allowed while reading a file for a snapshot");
        }
    }
}
