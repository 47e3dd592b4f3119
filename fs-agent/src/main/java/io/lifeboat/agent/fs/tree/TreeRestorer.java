package io.lifeboat.agent.fs.tree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Restores a snapshot tree (all of it or one sub-path, kept at its place under the target) into a target
 * directory: directories, files (written to a temporary name, then renamed), symbolic links with their stored
 * targets, hard links to their first path; then owners (when asked), modes and mtimes, directories last and
 * deepest first because creating children changes a directory's mtime. Sockets, fifos and devices are skipped
 * with a note. Every path goes through {@link SafePaths}; entries are checked as they are read, so a bad entry
 * stops the restore with an error after the entries before it were written.
 */
public final class TreeRestorer {

    private final ContentSource content;

    /** A restorer that takes file content from {@code content}. */
    public TreeRestorer(ContentSource content) {
        this.content = content;
    }

    /** Whether this process runs as root, the only case in which owners can be set. */
    public static boolean runningAsRoot() {
        return FileStat.runningAsRoot();
    }

    /**
     * Restores the entries of {@code reader} as {@code options} say and returns the counts.
     *
     * @throws IOException when the target is not empty without overwrite, when the sub-path is not in the tree,
     *         when an entry is malformed or escapes the target ({@link UnsafeEntryException}), or on write failure
     */
    public RestoreResult restore(SnapshotTreeReader reader, RestoreOptions options) throws IOException {
        Path target = prepareTarget(options);
        EntryWriter writer = new EntryWriter(new SafePaths(target), content, options.setOwners());
        String sub = options.subPath();
        List<Node> dirs = new ArrayList<>();
        List<Node> ancestors = new ArrayList<>();
        List<Problem> skipped = new ArrayList<>();
        long files = 0;
        long symlinks = 0;
        long hardLinks = 0;
        long bytes = 0;
        boolean subPathSeen = sub.isEmpty();
        Optional<Node> next;
        while ((next = reader.next()).isPresent()) {
            Node n = next.get();
            if (!TreePaths.isAtOrUnder(n.path(), sub)) {
                if (n.type() == NodeType.DIR && TreePaths.isAtOrUnder(sub, n.path())) {
                    ancestors.add(n);
                }
                continue;
            }
            if (!subPathSeen) {
                subPathSeen = true;
                for (Node a : ancestors) {
                    writer.directory(a);
                    dirs.add(a);
                }
            }
            switch (n.type()) {
                case DIR -> {
                    writer.directory(n);
                    dirs.add(n);
                }
                case FILE -> {
                    bytes += writer.file(n);
                    files++;
                }
                case SYMLINK -> {
                    writer.symlink(n);
                    symlinks++;
                }
                case HARDLINK -> {
                    if (!TreePaths.isAtOrUnder(n.hardLinkTo(), sub)) {
                        skipped.add(new Problem(n.path(), "hard link to '" + n.hardLinkTo()
                                + "', which is outside the restored sub-path '" + sub + "'"));
                    } else if (writer.hardLink(n)) {
                        hardLinks++;
                    } else {
                        skipped.add(new Problem(n.path(),
                                "hard-link source '" + n.hardLinkTo() + "' is not a restored regular file"));
                    }
                }
                case OTHER -> skipped.add(new Problem(n.path(), "not restored: socket, fifo or device"));
            }
        }
        if (!subPathSeen) {
            throw new NoSuchFileException(sub, null, "sub-path is not in the snapshot");
        }
        for (int i = dirs.size() - 1; i >= 0; i--) {
            writer.metadata(writer.directoryPath(dirs.get(i)), dirs.get(i));
        }
        return new RestoreResult(files, dirs.size(), symlinks, hardLinks, bytes, skipped);
    }

    private static Path prepareTarget(RestoreOptions options) throws IOException {
        Path target = options.target();
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(target)) {
            Files.createDirectories(target);
            return target;
        }
        if (!Files.isDirectory(target)) {
            throw new IOException("restore target " + target + " is not a directory");
        }
        if (!options.overwrite()) {
            try (Stream<Path> children = Files.list(target)) {
                if (children.findAny().isPresent()) {
                    throw new IOException("restore target " + target
                            + " is not empty; restore into an empty directory or ask to overwrite");
                }
            }
        }
        return target;
    }
}
