package io.lifeboat.agent.fs.tree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Resolves snapshot-relative paths under a restore target and refuses any that would leave it: "..", ".",
 * empty segments, absolute paths, NUL, and paths whose parent chain inside the target holds a symbolic link or a
 * non-directory (so a crafted snapshot that creates {@code a -> /etc} and then {@code a/passwd} is refused). The
 * last name itself is never followed by the restorer: files are renamed over it, links replace it.
 */
public final class SafePaths {

    private final Path target;

    /** Paths under an existing target directory, taken by its real path. */
    public SafePaths(Path target) throws IOException {
        this.target = target.toRealPath();
    }

    /** The target's real path. */
    public Path target() {
        return target;
    }

    /**
     * The location of {@code entryPath} under the target, after checking that every existing ancestor between the
     * target and it is a real directory.
     *
     * @throws UnsafeEntryException when the path is not canonical or an ancestor is a link or not a directory
     */
    public Path resolve(String entryPath) throws UnsafeEntryException {
        String problem = TreePaths.problemWith(entryPath);
        if (problem != null) {
            throw new UnsafeEntryException(entryPath, target, problem);
        }
        String[] names = entryPath.split("/");
        Path p = target;
        for (int i = 0; i < names.length - 1; i++) {
            p = p.resolve(names[i]);
            if (Files.isSymbolicLink(p)) {
                throw new UnsafeEntryException(entryPath, target,
                        "its parent '" + target.relativize(p) + "' is a symbolic link");
            }
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                throw new UnsafeEntryException(entryPath, target,
                        "its parent '" + target.relativize(p) + "' is not a directory");
            }
        }
        Path resolved = p.resolve(names[names.length - 1]);
        if (!resolved.normalize().startsWith(target) || resolved.equals(target)) {
            throw new UnsafeEntryException(entryPath, target, "it resolves to " + resolved.normalize());
        }
        return resolved;
    }
}
