package io.lifeboat.agent.fs.repo;

import java.util.List;
import java.util.Map;

/**
 * What {@link RepositoryCheck} found.
 *
 * @param referenced how many distinct chunks were checked
 * @param missing referenced chunks that no index lists, or whose indexed pack is gone (sorted)
 * @param bad referenced chunks that did not read back intact, each with the reason (only when data was read)
 * @param orphanPacks keys of packs that have no index object (a crash between pack and index, or a foreign object)
 */
public record CheckReport(int referenced, List<ChunkId> missing, Map<ChunkId, String> bad, List<String> orphanPacks) {

    /** Copies the collections. */
    public CheckReport {
        missing = List.copyOf(missing);
        bad = Map.copyOf(bad);
        orphanPacks = List.copyOf(orphanPacks);
    }

    /** Whether every referenced chunk is present (and, when data was read, intact). */
    public boolean ok() {
        return missing.isEmpty() && bad.isEmpty();
    }
}
