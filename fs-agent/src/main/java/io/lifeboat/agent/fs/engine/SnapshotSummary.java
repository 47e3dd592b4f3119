package io.lifeboat.agent.fs.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lifeboat.agent.fs.repo.Repository;
import io.lifeboat.agent.fs.tree.TreeTrailer;
import io.lifeboat.agentkit.agent.BackupEngine;

/**
 * What one snapshot found and stored, as restic's summary reports it: the tree's counts, how many files were read
 * and how many were known unchanged, the chunks new and reused, and what the snapshot left out.
 *
 * @param trailer the snapshot tree's trailer (entries, files, dirs, bytes, problems)
 * @param filesRead files read and chunked
 * @param bytesRead bytes read from them
 * @param filesUnchanged files taken from the previous snapshot without reading
 * @param bytesUnchanged their size
 * @param stored what the repository stored for this snapshot
 */
record SnapshotSummary(TreeTrailer trailer, long filesRead, long bytesRead, long filesUnchanged, long bytesUnchanged,
        Repository.Stats stored) {

    /** Logical bytes per new raw byte stored: how much reading was saved by deduplication (1 = nothing). */
    double dedupRatio() {
        return stored.bytesNewRaw() == 0
                ? (bytesRead == 0 ? 1.0 : Double.POSITIVE_INFINITY)
                : (double) bytesRead / stored.bytesNewRaw();
    }

    /** The manifest's engine metadata. */
    Map<String, Object> metadata() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("treeFormat", io.lifeboat.agent.fs.tree.TreeHeader.FORMAT);
        map.put("entries", trailer.entries());
        map.put("files", trailer.files());
        map.put("dirs", trailer.dirs());
        map.put("bytes", trailer.bytes());
        map.put("filesRead", filesRead);
        map.put("bytesRead", bytesRead);
        map.put("filesUnchanged", filesUnchanged);
        map.put("bytesUnchanged", bytesUnchanged);
        map.put("chunksNew", stored.chunksNew());
        map.put("chunksReused", stored.chunksReused());
        map.put("bytesNew", stored.bytesNewRaw());
        map.put("bytesNewStored", stored.bytesNewStored());
        double ratio = dedupRatio();
        map.put("dedupRatio", Double.isInfinite(ratio) ? "all reused" : Math.round(ratio * 1000) / 1000.0);
        map.put("partiallyFailed", trailer.isPartial());
        if (trailer.isPartial()) {
            List<String> problems = trailer.partial().stream().map(p -> p.path() + ": " + p.reason()).toList();
            map.put(BackupEngine.PROBLEMS, problems);
        }
        return map;
    }

    /** One line for the log. */
    String describe() {
        return trailer.files() + " files, " + trailer.dirs() + " dirs, " + trailer.bytes() + " bytes; " + filesRead
                + " files read (" + bytesRead + " bytes), " + filesUnchanged + " unchanged; " + stored.chunksNew()
                + " chunks new (" + stored.bytesNewRaw() + " bytes, " + stored.bytesNewStored() + " stored), "
                + stored.chunksReused() + " reused" + (trailer.isPartial()
                        ? "; partially failed: " + trailer.partial().size() + " problems"
                        : "");
    }
}
