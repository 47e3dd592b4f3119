package io.lifeboat.agent.fs.config;

import java.nio.file.Path;
import java.util.List;

/**
 * One directory tree the agent backs up.
 *
 * @param id target id
 * @param path absolute, normalized path of the directory
 * @param include globs selecting what is backed up; empty = everything
 * @param exclude globs of what is never backed up
 * @param oneFileSystem whether the walk stays on the path's file system
 * @param readers files read and chunked at once
 */
public record FsTarget(String id, Path path, List<String> include, List<String> exclude, boolean oneFileSystem,
        int readers) {

    /** Copies the lists. */
    public FsTarget {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    /** {@code target '<id>' (<path>)}, for messages. */
    public String describe() {
        return "target '" + id + "' (" + path + ")";
    }
}
