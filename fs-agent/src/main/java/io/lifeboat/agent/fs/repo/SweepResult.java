package io.lifeboat.agent.fs.repo;

/**
 * What {@link Sweep} reclaimed.
 *
 * @param chunksRemoved index entries dropped (unreferenced chunks, and second copies of a chunk)
 * @param bytesReclaimed stored bytes freed: deleted packs in full, rewritten packs less the live blobs copied
 * @param packsDeleted packs deleted because nothing in them was referenced, or because they had no index
 * @param packsRewritten packs whose live chunks were copied into new packs before they were deleted
 */
public record SweepResult(long chunksRemoved, long bytesReclaimed, int packsDeleted, int packsRewritten) {
}
