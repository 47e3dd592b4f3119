package io.lifeboat.agent.pg.wal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import io.lifeboat.agent.pg.wal.WalSegmentCodec.SegmentKey;
import io.lifeboat.agentkit.crypto.MasterKey;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.ObjectInfo;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.WriteOptions;

/**
 * The WAL of one target in the object store: complete segments and the {@code .partial} tail of each timeline, each
 * one encrypted object under {@link ArtifactLayout#walSegment}; lists, writes and reads them.
 */
public final class WalStore {

    /** Suffix of the object that holds the filled head of the segment being written. */
    public static final String PARTIAL_SUFFIX = ".partial";

    private final ObjectStore store;
    private final ArtifactLayout layout;
    private final MasterKey masterKey;
    private final String targetId;
    private final WriteOptions options;

    /** The WAL of {@code targetId} in {@code store}, encrypted under data keys wrapped by {@code masterKey}. */
    public WalStore(ObjectStore store, ArtifactLayout layout, MasterKey masterKey, String targetId,
            WriteOptions options) {
        this.store = store;
        this.layout = layout;
        this.masterKey = masterKey;
        this.targetId = targetId;
        this.options = options;
    }

    /** The complete segment names stored for {@code timelineHex}, in order ({@code .partial} and history excluded). */
    public List<String> segments(String timelineHex) throws IOException {
        String prefix = layout.walPrefix(targetId, timelineHex);
        return store.list(prefix).stream().map(ObjectInfo::key).map(key -> key.substring(prefix.length()))
                .filter(WalSegments::isSegmentName).sorted().toList();
    }

    /** The timelines (8 hex digits) that have any stored WAL object, in order. */
    public List<String> timelines() throws IOException {
        String root = layout.walRoot(targetId);
        return store.list(root).stream().map(ObjectInfo::key).map(key -> key.substring(root.length()))
                .filter(rest -> rest.indexOf('/') == 8).map(rest -> rest.substring(0, 8))
                .filter(WalSegments::isTimelineHex).distinct().sorted().toList();
    }

    /** Every object name stored for {@code timelineHex}: segments, {@code .partial} tails and history files. */
    public List<String> objects(String timelineHex) throws IOException {
        String prefix = layout.walPrefix(targetId, timelineHex);
        return store.list(prefix).stream().map(ObjectInfo::key).map(key -> key.substring(prefix.length())).sorted()
                .toList();
    }

    /** The history file of {@code timelineHex} ({@code 00000002.history}), stored under its own timeline folder. */
    public Optional<byte[]> history(String timelineHex) throws IOException {
        String name = historyFileName(timelineHex);
        if (!objects(timelineHex).contains(name)) {
            return Optional.empty();
        }
        return Optional.of(read(timelineHex, name));
    }

    /** {@code 00000002.history}: PostgreSQL's name for the history file of a timeline. */
    public static String historyFileName(String timelineHex) {
        return timelineHex + ".history";
    }

    /** The newest complete segment stored for {@code timelineHex}. */
    public Optional<String> highestSegment(String timelineHex) throws IOException {
        List<String> all = segments(timelineHex);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The raw bytes of a stored segment, {@code .partial} or history file, after every integrity check. */
    public byte[] read(String timelineHex, String objectName) throws IOException {
        try (InputStream in = store.open(layout.walSegment(targetId, timelineHex, objectName))) {
            return WalSegmentCodec.decode(masterKey, targetId, timelineHex, objectName, in);
        }
    }

    SegmentKey newKey(String timelineHex, String segment) throws IOException {
        return SegmentKey.generate(masterKey, targetId, timelineHex, segment);
    }

    void put(SegmentKey key, String timelineHex, String objectName, byte[] raw, int length) throws IOException {
        String objectKey = layout.walSegment(targetId, timelineHex, objectName);
        byte[] stored = WalSegmentCodec.encode(key, targetId, timelineHex, objectName, raw, length);
        try {
            store.put(objectKey, stored, options);
        } catch (IOException e) {
            throw new IOException("unable to store WAL object '" + objectKey + "' in " + store.location() + ": "
                    + e.getMessage(), e);
        }
    }

    void deletePartial(String timelineHex, String segment) throws IOException {
        store.delete(layout.walSegment(targetId, timelineHex, segment + PARTIAL_SUFFIX));
    }
}
