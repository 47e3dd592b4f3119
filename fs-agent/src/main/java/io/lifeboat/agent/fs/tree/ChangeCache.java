package io.lifeboat.agent.fs.tree;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the previous snapshot knew about each regular file (size, mtime, inode, chunk ids), so that a file whose
 * size, mtime (to the nanosecond) and inode are all unchanged is taken over without being read, as restic does.
 * Files listed as partial in the previous snapshot's trailer are left out, so they are read again.
 */
public final class ChangeCache {

    private final Map<String, Known> byPath;

    private ChangeCache(Map<String, Known> byPath) {
        this.byPath = byPath;
    }

    /** An empty cache, for a first snapshot: every file is read. */
    public static ChangeCache empty() {
        return new ChangeCache(Map.of());
    }

    /** Reads the previous snapshot's tree to its end (trailer included) and keeps what its files looked like. */
    public static ChangeCache from(SnapshotTreeReader previous) throws IOException {
        Map<String, Known> byPath = new HashMap<>();
        Optional<Node> next;
        while ((next = previous.next()).isPresent()) {
            Node n = next.get();
            if (n.type() == NodeType.FILE) {
                byPath.put(n.path(), new Known(n.size(), n.mtime(), n.inode(), n.chunks()));
            }
        }
        Set<String> partial = new HashSet<>();
        previous.trailer().partial().forEach(p -> partial.add(p.path()));
        byPath.keySet().removeAll(partial);
        return new ChangeCache(byPath);
    }

    /** The previous chunk ids of a regular file when its size, mtime and inode all match, otherwise empty. */
    public Optional<List<String>> unchanged(WalkEntry e) {
        if (e.type() != NodeType.FILE) {
            return Optional.empty();
        }
        Known k = byPath.get(e.path());
        if (k == null || k.size != e.size() || !k.mtime.equals(e.mtime()) || k.inode != e.inode()) {
            return Optional.empty();
        }
        return Optional.of(k.chunks);
    }

    /** Number of files known. */
    public int size() {
        return byPath.size();
    }

    private record Known(long size, Instant mtime, long inode, List<String> chunks) {
    }
}
