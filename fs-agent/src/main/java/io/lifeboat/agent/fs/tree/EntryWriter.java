package io.lifeboat.agent.fs.tree;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.UUID;

/** Writes single entries under a restore target, never through a link, and sets their metadata. */
final class EntryWriter {

    private final SafePaths paths;
    private final ContentSource content;
    private final boolean setOwners;

    EntryWriter(SafePaths paths, ContentSource content, boolean setOwners) {
        this.paths = paths;
        this.content = content;
        this.setOwners = setOwners;
    }

    /** Creates the directory (or keeps an existing real one); its metadata is set later by the caller. */
    void directory(Node n) throws IOException {
        Path p = paths.resolve(n.path());
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(p);
        }
        Files.createDirectory(p);
    }

    /** Writes the file's content to a temporary name beside it, sets its metadata, and renames it into place. */
    long file(Node n) throws IOException {
        Path p = paths.resolve(n.path());
        Path temp = p.resolveSibling("." + TreePaths.name(n.path()) + ".lifeboat-" + UUID.randomUUID() + ".tmp");
        long written;
        try {
            try (CountingOut out = new CountingOut(
                    Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
                content.copy(n.chunks(), out);
                written = out.count;
            }
            if (written != n.size()) {
                throw new IOException("restored file '" + n.path() + "' has " + written + " bytes, the snapshot says "
                        + n.size() + " (chunks " + n.chunks() + ")");
            }
            metadata(temp, n);
            Files.move(temp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return written;
    }

    /** Creates the symbolic link with its target as stored; the link may point anywhere. */
    void symlink(Node n) throws IOException {
        Path p = paths.resolve(n.path());
        replaceable(p, n);
        Files.createSymbolicLink(p, Path.of(n.symlinkTarget()));
        if (setOwners) {
            Files.setAttribute(p, "unix:uid", (int) n.uid(), LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(p, "unix:gid", (int) n.gid(), LinkOption.NOFOLLOW_LINKS);
        }
        try {
            Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setTimes(FileTime.from(n.mtime()), null, null);
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms cannot set a link's own time; the link still points where it should.
        }
    }

    /** Links the entry to its first path, which must be a regular file already restored; false when it is not. */
    boolean hardLink(Node n) throws IOException {
        Path p = paths.resolve(n.path());
        Path source = paths.resolve(n.hardLinkTo());
        if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        replaceable(p, n);
        Files.createLink(p, source);
        return true;
    }

    /** Sets owner, mode and mtime of a file or directory, in that order (chown clears setuid bits). */
    void metadata(Path p, Node n) throws IOException {
        if (setOwners) {
            Files.setAttribute(p, "unix:uid", (int) n.uid(), LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(p, "unix:gid", (int) n.gid(), LinkOption.NOFOLLOW_LINKS);
        }
        Files.setAttribute(p, "unix:mode", n.mode(), LinkOption.NOFOLLOW_LINKS);
        Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(FileTime.from(n.mtime()), null, null);
    }

    /** Where a directory's metadata goes, checked again since its children were written meanwhile. */
    Path directoryPath(Node n) throws IOException {
        Path p = paths.resolve(n.path());
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafeEntryException(n.path(), paths.target(), "it is no longer a directory");
        }
        return p;
    }

    private static void replaceable(Path p, Node n) throws IOException {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("cannot restore " + n.type().jsonName() + " '" + n.path()
                    + "': a directory is in its place");
        }
        Files.deleteIfExists(p);
    }

    /** Counts what the content source writes. */
    private static final class CountingOut extends FilterOutputStream {
        private long count;

        CountingOut(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
