package io.lifeboat.agent.fs.tree;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Walks a root directory in tree order (parents before children, siblings sorted by name), never following
 * symbolic links, applying a {@link Selection}, optionally staying on the root's file system, and turning later
 * paths of an already-seen regular-file inode into HARDLINK entries. Entries that vanish or cannot be listed are
 * reported as problems and the walk goes on; a missing root, or a root that is not a directory, fails the walk.
 *
 * <p>
 * Memory: one directory's sorted child names per open level, the chain of not-yet-emitted ancestors, and the
 * (device, inode) to first-path map of files with more than one link.
 */
public final class TreeWalker {

    private final Path root;
    private final Selection selection;
    private final boolean oneFileSystem;

    /** A walker of {@code root}; the root itself is given by the user and may be reached through a symlink. */
    public TreeWalker(Path root, Selection selection, boolean oneFileSystem) {
        this.root = root;
        this.selection = selection;
        this.oneFileSystem = oneFileSystem;
    }

    /** Walks the whole tree into a list (fine for tens of thousands of entries). */
    public WalkResult walkAll() throws IOException {
        List<WalkEntry> entries = new ArrayList<>();
        List<Problem> problems = walk(entries::add);
        return new WalkResult(entries, problems);
    }

    /**
     * Walks the tree, handing each taken entry to {@code sink} in tree order, and returns the problems met.
     *
     * @throws NoSuchFileException when the root does not exist
     * @throws IOException when the root is not a directory or cannot be read at all
     */
    public List<Problem> walk(Consumer<WalkEntry> sink) throws IOException {
        if (!Files.exists(root)) {
            throw new NoSuchFileException(root.toString(), null, "backup path does not exist");
        }
        if (!Files.isDirectory(root)) {
            throw new IOException("backup path '" + root + "' is not a directory");
        }
        Path realRoot = root.toRealPath();
        long rootDevice = FileStat.read(realRoot, "").device();
        Walk walk = new Walk(sink, rootDevice);
        walk.directory(realRoot, "", false);
        return walk.problems;
    }

    /** The entries of a whole walk and the problems met. */
    public record WalkResult(List<WalkEntry> entries, List<Problem> problems) {
    }

    /** State of one walk. */
    private final class Walk {
        private final Consumer<WalkEntry> sink;
        private final long rootDevice;
        private final List<Problem> problems = new ArrayList<>();
        private final List<WalkEntry> pending = new ArrayList<>();
        private final Map<String, String> firstPathOfInode = new HashMap<>();
        private int emittedPending;

        Walk(Consumer<WalkEntry> sink, long rootDevice) {
            this.sink = sink;
            this.rootDevice = rootDevice;
        }

        void directory(Path dir, String rel, boolean included) {
            List<String> names = new ArrayList<>();
            try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
                for (Path child : children) {
                    names.add(child.getFileName().toString());
                }
            } catch (NoSuchFileException e) {
                problems.add(new Problem(relOrRoot(rel), "directory vanished during the walk"));
                return;
            } catch (AccessDeniedException e) {
                problems.add(new Problem(relOrRoot(rel), "directory cannot be listed: permission denied"));
                return;
            } catch (IOException | RuntimeException e) {
                problems.add(new Problem(relOrRoot(rel), "directory cannot be listed: " + e));
                return;
            }
            names.sort(null);
            for (String name : names) {
                child(dir.resolve(name), rel.isEmpty() ? name : rel + "/" + name, included);
            }
        }

        private void child(Path file, String rel, boolean ancestorIncluded) {
            if (selection.isExcluded(rel)) {
                return;
            }
            WalkEntry entry;
            try {
                entry = FileStat.read(file, rel);
            } catch (NoSuchFileException e) {
                problems.add(new Problem(rel, "vanished during the walk"));
                return;
            } catch (IOException | RuntimeException e) {
                problems.add(new Problem(rel, "attributes cannot be read: " + e));
                return;
            }
            boolean included = ancestorIncluded || selection.isIncludedItself(rel);
            if (entry.type() != NodeType.DIR) {
                if (included) {
                    emit(entry);
                }
                return;
            }
            boolean descend = !oneFileSystem || entry.device() == rootDevice;
            if (included) {
                emit(entry);
                if (descend) {
                    directory(file, rel, true);
                }
            } else if (descend && selection.mayIncludeBelow(rel)) {
                pending.add(entry);
                directory(file, rel, false);
                pending.remove(pending.size() - 1);
                emittedPending = Math.min(emittedPending, pending.size());
            }
        }

        private void emit(WalkEntry entry) {
            for (; emittedPending < pending.size(); emittedPending++) {
                sink.accept(pending.get(emittedPending));
            }
            if (entry.type() == NodeType.FILE && entry.links() > 1) {
                String key = entry.device() + ":" + entry.inode();
                String first = firstPathOfInode.putIfAbsent(key, entry.path());
                if (first != null) {
                    entry = entry.asHardLinkTo(first);
                }
            }
            sink.accept(entry);
        }

        private String relOrRoot(String rel) {
            return rel.isEmpty() ? "." : rel;
        }
    }
}
