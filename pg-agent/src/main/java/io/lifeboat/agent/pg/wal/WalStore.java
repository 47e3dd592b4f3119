package io.lifeboat.agent.pg.wal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

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

    // PostgreSQL allows wal_segment_size from 1 MiB to 1 GiB, powers of two only.
    private static final long MIN_SEGMENT_SIZE = 1L << 20;
    private static final long MAX_SEGMENT_SIZE = 1L << 30;
    // Enough for any header: a master key id and a wrapped data key take a few hundred bytes.
    private static final long HEADER_READ = 64 * 1024;

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
        return list(prefix).stream().map(ObjectInfo::key).map(key -> key.substring(prefix.length()))
                .filter(WalSegments::isSegmentName).sorted().toList();
    }

    /** The timelines (8 hex digits) that have any stored WAL object, in order. */
    public List<String> timelines() throws IOException {
        String root = layout.walRoot(targetId);
        return list(root).stream().map(ObjectInfo::key).map(key -> key.substring(root.length()))
                .filter(rest -> rest.indexOf('/') == 8).map(rest -> rest.substring(0, 8))
                .filter(WalSegments::isTimelineHex).distinct().sorted().toList();
    }

    /** Every object name stored for {@code timelineHex}: segments, {@code .partial} tails and history files. */
    public List<String> objects(String timelineHex) throws IOException {
        String prefix = layout.walPrefix(targetId, timelineHex);
        return list(prefix).stream().map(ObjectInfo::key).map(key -> key.substring(prefix.length())).sorted()
                .toList();
    }

    /** The stored size in bytes of every object of {@code timelineHex} (segments, partials, history), by name. */
    public Map<String, Long> sizes(String timelineHex) throws IOException {
        String prefix = layout.walPrefix(targetId, timelineHex);
        Map<String, Long> sizes = new TreeMap<>();
        for (ObjectInfo info : list(prefix)) {
            sizes.put(info.key().substring(prefix.length()), info.size());
        }
        return sizes;
    }

    /**
     * The archived server's {@code wal_segment_size}: the raw size in the header of the newest complete segment of
     * the newest timeline that has one (every complete segment holds exactly one); empty when none is stored.
     */
    public OptionalLong segmentSize() throws IOException {
        List<String> all = timelines();
        for (int i = all.size() - 1; i >= 0; i--) {
            Optional<String> newest = highestSegment(all.get(i));
            if (newest.isPresent()) {
                return OptionalLong.of(rawSize(all.get(i), newest.get()));
            }
        }
        return OptionalLong.empty();
    }

    private long rawSize(String timelineHex, String segment) throws IOException {
        String key = layout.walSegment(targetId, timelineHex, segment);
        long size;
        try (InputStream in = store.openRange(key, 0, HEADER_READ)) {
            size = WalSegmentCodec.rawSize(in, "WAL segment '" + key + "'");
        } catch (IOException e) {
            throw new WalStoreException("unable to read the header of WAL segment '" + key + "' from "
                    + store.location() + ": " + e.getMessage(), e);
        }
        if (size < MIN_SEGMENT_SIZE || size > MAX_SEGMENT_SIZE || Long.bitCount(size) != 1) {
            throw new IOException("WAL segment '" + key + "' in " + store.location() + " holds " + size
                    + " bytes, which is no WAL segment size (a power of two from 1 MiB to 1 GiB)");
        }
        return size;
    }

    /** The newest timeline with a stored segment or {@code .partial} (a timeline with only its history is not). */
    OptionalLong newestWalTimeline() throws IOException {
        List<String> all = timelines();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (objects(all.get(i)).stream().anyMatch(name -> WalSegments.isSegmentName(name) || name.endsWith(
                    PARTIAL_SUFFIX))) {
                return OptionalLong.of(Long.parseLong(all.get(i), 16));
            }
        }
        return OptionalLong.empty();
    }

    /** The first segment of {@code timelineHex} that has only a {@code .partial}, if any. */
    Optional<String> lowestPartial(String timelineHex) throws IOException {
        return objects(timelineHex).stream().filter(name -> name.endsWith(PARTIAL_SUFFIX))
                .map(name -> name.substring(0, name.length() - PARTIAL_SUFFIX.length()))
                .filter(WalSegments::isSegmentName).findFirst();
    }

    /** How many bytes the stored {@code .partial} of {@code segment} holds, if one is stored. */
    OptionalLong partialLength(String timelineHex, String segment) throws IOException {
        if (!objects(timelineHex).contains(segment + PARTIAL_SUFFIX)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(read(timelineHex, segment + PARTIAL_SUFFIX).length);
    }

    /** Stores PostgreSQL's history file of {@code timelineHex} as {@link #historyFileName}, encrypted. */
    void putHistory(String timelineHex, byte[] content) throws IOException {
        String name = historyFileName(timelineHex);
        put(newKey(timelineHex, name), timelineHex, name, content, content.length);
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
        String key = layout.walSegment(targetId, timelineHex, objectName);
        InputStream in;
        try {
            in = store.open(key);
        } catch (IOException e) {
            throw new WalStoreException("unable to read WAL object '" + key + "' from " + store.location() + ": "
                    + e.getMessage(), e);
        }
        try (in) {
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
            throw new WalStoreException("unable to store WAL object '" + objectKey + "' in " + store.location() + ": "
                    + e.getMessage(), e);
        }
    }

    void deletePartial(String timelineHex, String segment) throws IOException {
        String key = layout.walSegment(targetId, timelineHex, segment + PARTIAL_SUFFIX);
        try {
            store.delete(key);
        } catch (IOException e) {
            throw new WalStoreException("unable to delete WAL object '" + key + "' in " + store.location() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Deletes a stored segment or {@code .partial}; refuses any other name, so that a timeline's history file, which
     * every later restore across the switch needs, can never go.
     */
    void delete(String timelineHex, String objectName) throws IOException {
        String segment = objectName.endsWith(PARTIAL_SUFFIX)
                ? objectName.substring(0, objectName.length() - PARTIAL_SUFFIX.length())
                : objectName;
        if (!WalSegments.isSegmentName(segment)) {
            throw new IllegalArgumentException("WAL object '" + objectName + "' of timeline " + timelineHex
                    + " of target '" + targetId + "' is not a segment or .partial and is never deleted");
        }
        String key = layout.walSegment(targetId, timelineHex, objectName);
        try {
            store.delete(key);
        } catch (IOException e) {
            throw new WalStoreException("unable to delete WAL object '" + key + "' in " + store.location() + ": "
                    + e.getMessage(), e);
        }
    }

    private List<ObjectInfo> list(String prefix) throws IOException {
        try {
            return store.list(prefix);
        } catch (IOException e) {
            throw new WalStoreException("unable to list WAL objects under '" + prefix + "' in " + store.location()
                    + ": " + e.getMessage(), e);
        }
    }
}
