package io.lifeboat.agent.fs.repo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.lifeboat.agentkit.storage.ObjectInfo;

/**
 * Checks a repository against the chunks snapshots reference: every referenced chunk indexed and its pack present,
 * and with {@code readData} every such chunk decrypted, decompressed and its id recomputed (restic's
 * {@code --read-data}); also lists packs that have no index.
 */
public final class RepositoryCheck {

    private final Repository repository;

    /** A check of {@code repository} as its index was loaded when it was opened. */
    public RepositoryCheck(Repository repository) {
        this.repository = repository;
    }

    /** Checks the chunks in {@code referenced}; reads each one when {@code readData}. */
    public CheckReport check(Set<ChunkId> referenced, boolean readData) throws IOException {
        RepositoryLayout layout = repository.layout();
        Set<String> packs = new HashSet<>();
        for (ObjectInfo info : repository.store().list(layout.packPrefix())) {
            layout.packIdOfPack(info.key()).ifPresent(packs::add);
        }
        Set<String> indexed = new HashSet<>();
        for (ObjectInfo info : repository.store().list(layout.indexPrefix())) {
            layout.packIdOfIndex(info.key()).ifPresent(indexed::add);
        }
        List<ChunkId> missing = new ArrayList<>();
        Map<String, List<ChunkId>> byPack = new TreeMap<>();
        Map<ChunkId, ChunkLocation> index = repository.index();
        for (ChunkId id : referenced) {
            ChunkLocation location = index.get(id);
            if (location == null || !packs.contains(location.packId())) {
                missing.add(id);
            } else {
                byPack.computeIfAbsent(location.packId(), p -> new ArrayList<>()).add(id);
            }
        }
        missing.sort(null);
        Map<ChunkId, String> bad = readData ? readAll(byPack, index) : Map.of();
        List<String> orphans = packs.stream().filter(p -> !indexed.contains(p)).sorted().map(layout::pack).toList();
        return new CheckReport(referenced.size(), missing, bad, orphans);
    }

    // Reads each pack once, whole, and decodes the referenced blobs in it.
    private Map<ChunkId, String> readAll(Map<String, List<ChunkId>> byPack, Map<ChunkId, ChunkLocation> index) {
        Map<ChunkId, String> bad = new HashMap<>();
        for (Map.Entry<String, List<ChunkId>> pack : byPack.entrySet()) {
            String packKey = repository.layout().pack(pack.getKey());
            byte[] bytes;
            try {
                bytes = repository.reader().readPack(pack.getKey());
            } catch (IOException e) {
                for (ChunkId id : pack.getValue()) {
                    bad.put(id, "pack '" + packKey + "' cannot be read: " + e.getMessage());
                }
                continue;
            }
            for (ChunkId id : pack.getValue()) {
                ChunkLocation at = index.get(id);
                if ((long) at.offset() + at.length() > bytes.length) {
                    bad.put(id, "chunk " + id.hex() + " lies past the end of pack '" + packKey + "'");
                    continue;
                }
                try {
                    repository.codec().decode(id, bytes, at.offset(), at.length(), at.rawLength(), packKey);
                } catch (BadChunkException e) {
                    bad.put(id, e.getMessage());
                }
            }
        }
        return bad;
    }
}
