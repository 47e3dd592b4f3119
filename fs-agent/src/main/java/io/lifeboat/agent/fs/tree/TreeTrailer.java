package io.lifeboat.agent.fs.tree;

import java.util.List;

/**
 * The last line of a snapshot tree: counts that the reader checks, and the entries that could not be captured as
 * they were (a non-empty list means the snapshot is partially failed).
 *
 * @param entries number of entry lines
 * @param files number of FILE entries
 * @param dirs number of DIR entries
 * @param bytes sum of the sizes of FILE entries (hard links not counted again)
 * @param partial problems met while taking the snapshot
 */
public record TreeTrailer(long entries, long files, long dirs, long bytes, List<Problem> partial) {

    /** Copies the problem list. */
    public TreeTrailer {
        partial = partial == null ? List.of() : List.copyOf(partial);
    }

    /** Whether some entries could not be captured as they were. */
    public boolean isPartial() {
        return !partial.isEmpty();
    }
}
