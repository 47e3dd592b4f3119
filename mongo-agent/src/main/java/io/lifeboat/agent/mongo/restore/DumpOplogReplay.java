package io.lifeboat.agent.mongo.restore;

import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoCollection;

import io.lifeboat.agent.mongo.engine.Pull;

/**
 * Applies the oplog slice a dump carries, entry by entry and in order, in the forms a dump's slice needs to reach
 * its end point: inserts (as upserts, since the dump may already hold the document), deletes by {@code _id},
 * replacement updates (as upserts) and {@code $set}/{@code $unset} updates; no-ops are passed over. Any other entry
 * (commands such as create or drop, {@code $v: 2} diff updates, transactions' applyOps) is refused with the entry's
 * position and namespace, so that a restore never silently misses a change; the general applier lives with oplog
 * capture.
 */
public final class DumpOplogReplay {

    private final MongoClient client;
    private final UnaryOperator<String> databases;
    private final Predicate<String> restored;
    private long applied;
    private long skipped;

    /**
     * A replay into {@code client}.
     *
     * @param databases maps a source database name to the destination's
     * @param restored whether a source namespace {@code db.collection} belongs to the restore (others are skipped)
     */
    public DumpOplogReplay(MongoClient client, UnaryOperator<String> databases, Predicate<String> restored) {
        this.client = client;
        this.databases = databases;
        this.restored = restored;
    }

    /** Applies one oplog entry; fails naming it when its form is not one this replay applies. */
    public void apply(RawBsonDocument entry) throws Exception {
        String op = entry.getString("op").getValue();
        if (op.equals("n")) {
            skipped++;
            return;
        }
        String ns = entry.getString("ns").getValue();
        String where = "oplog entry " + entry.get("ts") + " (" + op + " on " + ns + ")";
        int dot = ns.indexOf('.');
        if (op.equals("c") || dot < 0) {
            throw new IllegalStateException(where + " is a command; this replay applies inserts, deletes and "
                    + "updates only");
        }
        if (!restored.test(ns)) {
            skipped++;
            return;
        }
        MongoCollection<BsonDocument> collection = client.getDatabase(databases.apply(ns.substring(0, dot)))
                .getCollection(ns.substring(dot + 1), BsonDocument.class);
        BsonDocument o = entry.getDocument("o");
        switch (op) {
            case "i" -> Pull.first(collection.replaceOne(Filters.eq("_id", id(o, where)), o,
                    new ReplaceOptions().upsert(true)));
            case "d" -> Pull.first(collection.deleteOne(Filters.eq("_id", id(o, where))));
            case "u" -> update(collection, entry, o, where);
            default -> throw new IllegalStateException(where + ": operation '" + op + "' is not applied by this "
                    + "replay");
        }
        applied++;
    }

    private static void update(MongoCollection<BsonDocument> collection, RawBsonDocument entry, BsonDocument o,
            String where) throws Exception {
        if (!entry.containsKey("o2")) {
            throw new IllegalStateException(where + " has no o2 (the _id of the updated document)");
        }
        BsonValue id = id(entry.getDocument("o2"), where);
        boolean operators = o.keySet().stream().anyMatch(k -> k.startsWith("$"));
        if (!operators) {
            Pull.first(collection.replaceOne(Filters.eq("_id", id), o, new ReplaceOptions().upsert(true)));
            return;
        }
        boolean simple = o.keySet().stream().allMatch(k -> k.equals("$set") || k.equals("$unset"));
        if (!simple) {
            throw new IllegalStateException(where + " is an update in a form this replay does not apply "
                    + o.keySet() + " (only replacements, $set and $unset)");
        }
        Pull.first(collection.updateOne(Filters.eq("_id", id), o));
    }

    private static BsonValue id(BsonDocument document, String where) {
        BsonValue id = document.get("_id");
        if (id == null) {
            throw new IllegalStateException(where + " names no _id");
        }
        return id;
    }

    /** Entries applied so far. */
    public long applied() {
        return applied;
    }

    /** No-ops and entries of namespaces outside the restore, passed over. */
    public long skipped() {
        return skipped;
    }
}
