package io.lifeboat.agent.mongo.oplog;

import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.bson.BsonDocument;
import org.bson.RawBsonDocument;

import io.lifeboat.agentkit.crypto.MasterKey;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.ObjectInfo;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.WriteOptions;

/**
 * The captured oplog of one target in the object store: slices (each one encrypted object under
 * {@link ArtifactLayout#oplogSlice}) and gap markers; lists, writes and reads them.
 */
public final class OplogStore {

    private final ObjectStore store;
    private final ArtifactLayout layout;
    private final MasterKey masterKey;
    private final String targetId;
    private final WriteOptions options;

    /** The oplog of {@code targetId} in {@code store}, encrypted under data keys wrapped by {@code masterKey}. */
    public OplogStore(ObjectStore store, ArtifactLayout layout, MasterKey masterKey, String targetId,
            WriteOptions options) {
        this.store = store;
        this.layout = layout;
        this.masterKey = masterKey;
        this.targetId = targetId;
        this.options = options;
    }

    /** The target whose oplog this is. */
    public String targetId() {
        return targetId;
    }

    /** {@code <location>/<target>/oplog/}, for progress reports. */
    public String prefix() {
        return layout.oplogPrefix(targetId);
    }

    /** The object store holding the slices. */
    ObjectStore objectStore() {
        return store;
    }

    /** Every stored slice, in oplog order. */
    public List<OplogSlice> slices() throws IOException {
        return names().stream().map(OplogSlice::fromName).flatMap(Optional::stream)
                .sorted(Comparator.comparing(OplogSlice::first)).toList();
    }

    /** Every stored gap marker, in oplog order. */
    public List<OplogGap> gaps() throws IOException {
        return names().stream().map(OplogGap::fromName).flatMap(Optional::stream)
                .sorted(Comparator.comparing(OplogGap::lastCaptured)).toList();
    }

    /** The newest stored slice: its last position is where capture resumes. */
    public Optional<OplogSlice> newest() throws IOException {
        List<OplogSlice> all = slices();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The entries of a stored slice, in order, after every integrity check. */
    public List<RawBsonDocument> read(OplogSlice slice) throws IOException {
        String key = layout.oplogSlice(targetId, slice.name());
        InputStream in;
        try {
            in = store.open(key);
        } catch (IOException e) {
            throw new OplogStoreException("unable to read oplog slice '" + key + "' from " + store.location() + ": "
                    + e.getMessage(), e);
        }
        try (in) {
            byte[] raw = OplogSliceCodec.decode(masterKey, targetId, slice.name(), in);
            return OplogSliceCodec.entries(raw, "oplog slice '" + key + "'");
        }
    }

    /** Stores {@code entries} (in oplog order, at least one) as one slice and returns it. */
    public OplogSlice put(List<? extends BsonDocument> entries) throws IOException {
        OplogSlice slice = new OplogSlice(OplogEntries.ts(entries.get(0)), OplogEntries.ts(entries.get(entries
                .size() - 1)));
        String key = layout.oplogSlice(targetId, slice.name());
        byte[] stored = OplogSliceCodec.encode(masterKey, targetId, slice.name(), OplogSliceCodec.bsonStream(
                entries));
        try {
            store.put(key, stored, options);
        } catch (IOException e) {
            throw new OplogStoreException("unable to store oplog slice '" + key + "' in " + store.location() + ": "
                    + e.getMessage(), e);
        }
        return slice;
    }

    /** Stores a gap marker (an empty object whose name says where the hole is). */
    public void putGap(OplogGap gap) throws IOException {
        String key = layout.oplogSlice(targetId, gap.name());
        try {
            store.put(key, new byte[0], options);
        } catch (IOException e) {
            throw new OplogStoreException("unable to store oplog gap marker '" + key + "' in " + store.location()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The stored size in bytes of every object (slices and gap markers), by object name. */
    public Map<String, Long> sizes() throws IOException {
        String prefix = layout.oplogPrefix(targetId);
        Map<String, Long> sizes = new TreeMap<>();
        for (ObjectInfo info : list()) {
            sizes.put(info.key().substring(prefix.length()), info.size());
        }
        return sizes;
    }

    /** Deletes a stored slice; an absent one is not an error. */
    void delete(OplogSlice slice) throws IOException {
        delete(slice.name(), "oplog slice");
    }

    /** Deletes a stored gap marker; an absent one is not an error. */
    void delete(OplogGap gap) throws IOException {
        delete(gap.name(), "oplog gap marker");
    }

    private void delete(String name, String what) throws IOException {
        String key = layout.oplogSlice(targetId, name);
        try {
            store.delete(key);
        } catch (IOException e) {
            throw new OplogStoreException("unable to delete " + what + " '" + key + "' in " + store.location() + ": "
                    + e.getMessage(), e);
        }
    }

    private List<String> names() throws IOException {
        String prefix = layout.oplogPrefix(targetId);
        return list().stream().map(ObjectInfo::key).map(key -> key.substring(prefix.length())).toList();
    }

    private List<ObjectInfo> list() throws IOException {
        String prefix = layout.oplogPrefix(targetId);
        try {
            return store.list(prefix);
        } catch (IOException e) {
            throw new OplogStoreException("unable to list oplog objects under '" + prefix + "' in " + store
                    .location() + ": " + e.getMessage(), e);
        }
    }
}
