package io.lifeboat.agent.mongo.engine;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.lifeboat.agent.mongo.oplog.NamespaceScope;
import io.lifeboat.agent.mongo.oplog.OplogPosition;
import io.lifeboat.agentkit.agent.BackupEngine;
import io.lifeboat.agentkit.pipeline.Manifest;

/**
 * The manifest's engine metadata for a dump, and its reading back: the archive format, the server version, the
 * oplog positions bounding the dump (or why there are none) and, per collection, its document count, {@code _id}
 * digest and index count.
 */
public final class DumpMetadata {

    static final String ARCHIVE_FORMAT = "archiveFormat";
    static final String SERVER_VERSION = "serverVersion";
    static final String POINT_CONSISTENT = "pointConsistent";
    static final String CONSISTENCY = "consistency";
    static final String OPLOG_ENTRIES = "oplogEntries";
    static final String COLLECTIONS = "collections";
    static final String DOCUMENTS = "documents";
    static final String ID_DIGEST_SCHEME = "idDigest";
    static final String SCOPE = "scope";

    /** The archive format every dump is written in. */
    public static final String FORMAT = "mongodump-archive-0.1";

    private DumpMetadata() {
    }

    /**
     * What one collection (or view) held when it was dumped.
     *
     * @param db database name
     * @param collection collection name
     * @param type {@code collection} or {@code view}
     * @param documents documents written to the archive
     * @param idDigest {@link IdDigest} of their {@code _id}s
     * @param indexes index definitions recorded (the {@code _id} index included)
     */
    public record Collection(String db, String collection, String type, long documents, String idDigest,
            int indexes) {

        /** {@code db.collection}. */
        public String namespace() {
            return db + "." + collection;
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("db", db);
            map.put("collection", collection);
            map.put("type", type);
            map.put(DOCUMENTS, documents);
            map.put("idDigest", idDigest);
            map.put("indexes", indexes);
            return map;
        }

        static Collection fromMap(Map<?, ?> map) {
            return new Collection(map.get("db").toString(), map.get("collection").toString(),
                    map.get("type").toString(), ((Number) map.get(DOCUMENTS)).longValue(),
                    map.get("idDigest").toString(), ((Number) map.get("indexes")).intValue());
        }
    }

    /**
     * The metadata of one dump; {@code start} and {@code end} are null when the server keeps no oplog, and
     * {@code scope} is what the dump selected (an oplog replay after it applies the same namespaces).
     */
    public static Map<String, Object> of(String serverVersion, OplogPosition start, OplogPosition end,
            long oplogEntries, List<Collection> collections, Instant readEnd, NamespaceScope scope) {
        Map<String, Object> map = new LinkedHashMap<>();
        boolean consistent = start != null && end != null;
        map.put(BackupEngine.CONSISTENT_AT, (consistent ? end.instant() : readEnd).toString());
        map.put(ARCHIVE_FORMAT, FORMAT);
        map.put(SERVER_VERSION, serverVersion);
        map.put(POINT_CONSISTENT, consistent);
        if (consistent) {
            map.put(BackupEngine.START_POSITION, start.toString());
            map.put(BackupEngine.END_POSITION, end.toString());
            map.put(OPLOG_ENTRIES, oplogEntries);
            map.put(CONSISTENCY, "documents plus the oplog entries after " + start + " up to " + end
                    + " restore the state at " + end);
        } else {
            map.put(CONSISTENCY, "not point-consistent: the server keeps no oplog (local.oplog.rs), so each "
                    + "collection is as it was when it was read");
        }
        map.put(ID_DIGEST_SCHEME, "sha256(count || sum mod 2^256 of sha256(bson {_id: value}))");
        map.put(DOCUMENTS, collections.stream().mapToLong(Collection::documents).sum());
        map.put(COLLECTIONS, collections.stream().map(Collection::toMap).toList());
        map.put(SCOPE, scope.toMap());
        return map;
    }

    /** The collections a stored dump recorded. */
    public static List<Collection> collections(Manifest manifest) {
        Object list = manifest.engineMetadata() == null ? null : manifest.engineMetadata().get(COLLECTIONS);
        if (!(list instanceof List<?> items)) {
            return List.of();
        }
        return items.stream().map(item -> Collection.fromMap((Map<?, ?>) item)).toList();
    }

    /**
     * The namespaces a stored dump selected; a manifest without a recorded scope is taken to cover the databases of
     * its collections.
     */
    public static NamespaceScope scope(Manifest manifest) {
        Object value = manifest.engineMetadata() == null ? null : manifest.engineMetadata().get(SCOPE);
        if (value instanceof Map<?, ?> map) {
            return NamespaceScope.fromMap(map);
        }
        return new NamespaceScope(collections(manifest).stream().map(Collection::db).distinct().toList(), List.of(),
                UnaryOperator.identity());
    }

    /**
     * The oplog position a stored dump started at (its own oplog slice begins after it), or null when it is not
     * point-consistent.
     */
    public static OplogPosition start(Manifest manifest) {
        Object value = manifest.engineMetadata() == null
                ? null
                : manifest.engineMetadata().get(BackupEngine.START_POSITION);
        return value == null ? null : OplogPosition.parse(value.toString());
    }

    /** The oplog position a stored dump is consistent to, or null when it is not point-consistent. */
    public static OplogPosition end(Manifest manifest) {
        Object value = manifest.engineMetadata() == null
                ? null
                : manifest.engineMetadata().get(BackupEngine.END_POSITION);
        return value == null ? null : OplogPosition.parse(value.toString());
    }
}
