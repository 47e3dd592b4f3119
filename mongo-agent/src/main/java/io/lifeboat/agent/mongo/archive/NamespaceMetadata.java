package io.lifeboat.agent.mongo.archive;

/**
 * One prelude entry of a mongodump archive: a namespace the archive holds.
 *
 * @param db database name ({@code ""} for the oplog)
 * @param collection collection name ({@code oplog} for the oplog)
 * @param metadata canonical Extended JSON of {options, indexes, uuid, collectionName, type}, or {@code ""}
 * @param size uncompressed size of the namespace's documents, as far as known before the dump (0 when not)
 * @param type {@code collection}, {@code view}, or {@code ""} for the oplog
 */
public record NamespaceMetadata(String db, String collection, String metadata, int size, String type) {

    /** The namespace's name as {@code db.collection}. */
    public String namespace() {
        return db + "." + collection;
    }

    /** Whether this is the oplog slice of a point-consistent dump (mongodump's {@code --oplog}). */
    public boolean isOplog() {
        return db.isEmpty() && ArchiveWriter.OPLOG_COLLECTION.equals(collection);
    }
}
