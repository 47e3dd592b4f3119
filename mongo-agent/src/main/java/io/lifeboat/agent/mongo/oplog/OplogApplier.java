package io.lifeboat.agent.mongo.oplog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.reactivestreams.Publisher;

import com.mongodb.MongoCommandException;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

/**
 * Applies oplog entries to a destination MongoDB one by one, idempotently where the op allows it: inserts as upserts
 * by {@code _id}, updates ({@code $v: 2} diffs, {@code $set}/{@code $unset} and replacements), deletes, the commands
 * {@code create}, {@code drop}, {@code dropDatabase}, {@code renameCollection}, {@code createIndexes},
 * {@code commitIndexBuild}, {@code dropIndexes}, {@code collMod} and {@code applyOps} (transactions included), and
 * skips no-ops and entries outside its {@link NamespaceScope}; anything else is an {@link OplogApplyException} naming
 * the entry's ts and op. Database names are mapped through the scope (a restore's prefix).
 */
public final class OplogApplier {

    private static final int NAMESPACE_NOT_FOUND = 26;
    private static final int INDEX_NOT_FOUND = 27;
    private static final int NAMESPACE_EXISTS = 48;
    // Fields of a create entry that are bookkeeping of the source, not options a create command takes everywhere.
    private static final Set<String> CREATE_BOOKKEEPING = Set.of("idIndex");

    private final MongoClient client;
    private final NamespaceScope scope;
    // Entries of multi-oplog-entry transactions (applyOps with partialTxn: true), held until their last applyOps.
    private final Map<BsonDocument, List<BsonDocument>> openTransactions = new HashMap<>();
    private long skippedUpdates;
    private long outOfScope;

    /** An applier writing every user namespace through {@code client}, under its own name. */
    public OplogApplier(MongoClient client) {
        this(client, NamespaceScope.everything());
    }

    /** An applier writing the namespaces of {@code scope} through {@code client}, under the scope's names. */
    public OplogApplier(MongoClient client, NamespaceScope scope) {
        this.client = client;
        this.scope = scope;
    }

    /** How many entries (nested transaction entries included) were passed over as outside the scope. */
    public long outOfScope() {
        return outOfScope;
    }

    /** How many diff updates found no document to update (the document was deleted later, or never restored). */
    public long skippedUpdates() {
        return skippedUpdates;
    }

    /** Applies one oplog entry; throws {@link OplogApplyException} naming its ts and op when it cannot. */
    public void apply(BsonDocument entry) {
        if (entry instanceof RawBsonDocument raw) {
            // Commands and updates are rewritten before they are sent; raw documents are immutable.
            entry = raw.decode(new BsonDocumentCodec());
        }
        String ts = String.valueOf(entry.get("ts") != null && entry.get("ts").isTimestamp()
                ? OplogEntries.ts(entry)
                : "?");
        apply(entry, ts);
    }

    private void apply(BsonDocument entry, String ts) {
        String op = OplogEntries.op(entry);
        if (!op.equals("c") && !op.equals("n") && !scope.includes(OplogEntries.ns(entry))) {
            outOfScope++;
            return;
        }
        try {
            switch (op) {
                case "i" -> insert(entry);
                case "u" -> update(entry);
                case "d" -> block(collection(entry).deleteOne(entry.getDocument("o")));
                case "c" -> command(entry, ts);
                case "n" -> {
                }
                default -> throw new OplogApplyException("unsupported oplog op '" + op + "' in the entry at " + ts
                        + " (" + OplogEntries.ns(entry) + ")", null);
            }
        } catch (OplogApplyException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new OplogApplyException("unable to apply the oplog entry at " + ts + " (op '" + op + "', "
                    + OplogEntries.ns(entry) + "): " + e.getMessage(), e);
        }
    }

    private void insert(BsonDocument entry) {
        BsonDocument doc = entry.getDocument("o");
        block(collection(entry).replaceOne(new BsonDocument("_id", doc.get("_id")), doc, new ReplaceOptions()
                .upsert(true)));
    }

    private void update(BsonDocument entry) {
        BsonDocument filter = entry.getDocument("o2");
        BsonDocument o = entry.getDocument("o");
        MongoCollection<BsonDocument> collection = collection(entry);
        BsonValue version = o.get("$v");
        if (version != null && version.isNumber() && version.asNumber().intValue() == 2) {
            BsonDocument pre = Publishers.first(collection.find(filter).first()).orElse(null);
            if (pre == null) {
                skippedUpdates++;
                return;
            }
            BsonDocument post = OplogDiff.apply(pre, o.getDocument("diff"));
            block(collection.replaceOne(new BsonDocument("_id", pre.get("_id")), post));
        } else if (o.keySet().stream().anyMatch(key -> key.startsWith("$"))) {
            BsonDocument operators = o.clone();
            operators.remove("$v");
            block(collection.updateOne(filter, operators));
        } else {
            block(collection.replaceOne(filter, o, new ReplaceOptions().upsert(true)));
        }
    }

    private void command(BsonDocument entry, String ts) {
        BsonDocument o = entry.getDocument("o");
        String name = o.getFirstKey();
        if (!inScope(entry, o, name, ts)) {
            outOfScope++;
            return;
        }
        MongoDatabase db = client.getDatabase(scope.destination(database(entry)));
        switch (name) {
            case "create" -> {
                BsonDocument command = o.clone();
                CREATE_BOOKKEEPING.forEach(command::remove);
                ignoring(NAMESPACE_EXISTS, db.runCommand(command));
            }
            case "drop" -> block(db.getCollection(o.getString("drop").getValue()).drop());
            case "dropDatabase" -> block(db.drop());
            case "renameCollection" -> {
                BsonValue dropTarget = o.get("dropTarget");
                boolean drop = dropTarget != null && !(dropTarget.isBoolean() && !dropTarget.asBoolean().getValue());
                BsonDocument command = new BsonDocument("renameCollection", new BsonString(scope
                        .destinationNamespace(o.getString("renameCollection").getValue()))).append("to",
                                new BsonString(scope.destinationNamespace(o.getString("to").getValue())))
                        .append("dropTarget", BsonBoolean.valueOf(drop));
                block(client.getDatabase("admin").runCommand(command));
            }
            case "createIndexes" -> {
                BsonDocument spec = o.clone();
                spec.remove("createIndexes");
                BsonDocument command = new BsonDocument("createIndexes", o.get("createIndexes")).append("indexes",
                        new org.bson.BsonArray(List.of(spec)));
                block(db.runCommand(command));
            }
            case "commitIndexBuild" -> block(db.runCommand(new BsonDocument("createIndexes", o.get(name)).append(
                    "indexes", o.get("indexes"))));
            case "startIndexBuild", "abortIndexBuild" -> {
                // Two-phase index builds (4.4+): only the commit entry creates the index.
            }
            case "dropIndexes", "deleteIndexes" -> ignoring(INDEX_NOT_FOUND, db.runCommand(new BsonDocument(
                    "dropIndexes", o.get(name)).append("index", o.get("index"))));
            case "collMod" -> ignoring(NAMESPACE_NOT_FOUND, db.runCommand(o));
            case "applyOps" -> applyOps(entry, o, ts);
            default -> throw new OplogApplyException("unsupported oplog command '" + name + "' in the entry at " + ts
                    + " (" + OplogEntries.ns(entry) + ")", null);
        }
    }

    /**
     * Whether a command touches the scope: database-wide ones by their database, others by the collection they
     * name; a rename is applied when its source is in scope (a rename out of the scope drops the collection) and
     * refused when it brings a collection from outside into the scope, whose documents no backup holds.
     */
    private boolean inScope(BsonDocument entry, BsonDocument o, String name, String ts) {
        String db = database(entry);
        return switch (name) {
            case "applyOps" -> true;
            case "dropDatabase" -> scope.includesDatabase(db);
            case "renameCollection" -> {
                String from = o.getString("renameCollection").getValue();
                String to = o.getString("to").getValue();
                if (scope.includes(from) && !scope.includes(to)) {
                    int dot = from.indexOf('.');
                    block(client.getDatabase(scope.destination(from.substring(0, dot))).getCollection(from
                            .substring(dot + 1)).drop());
                    yield false;
                }
                if (!scope.includes(from) && scope.includes(to)) {
                    throw new OplogApplyException("the entry at " + ts + " renames " + from + ", which is outside "
                            + "the backup's scope, to " + to + ", inside it: its documents were never backed up", null);
                }
                yield scope.includes(from);
            }
            default -> {
                BsonValue collection = o.get(name);
                yield collection != null && collection.isString()
                        ? scope.includes(db, collection.asString()
                                .getValue())
                        : scope.includesDatabase(db);
            }
        };
    }

    private void applyOps(BsonDocument entry, BsonDocument o, String ts) {
        if (o.containsKey("prepare")) {
            throw new OplogApplyException("prepared transaction in the oplog entry at " + ts
                    + " is not supported (applyOps with prepare: true)", null);
        }
        List<BsonDocument> ops = o.getArray("applyOps").stream().map(BsonValue::asDocument).toList();
        BsonDocument txn = transactionId(entry);
        boolean partial = o.containsKey("partialTxn") && o.getBoolean("partialTxn").getValue();
        if (partial) {
            openTransactions.computeIfAbsent(txn, k -> new ArrayList<>()).addAll(ops);
            return;
        }
        List<BsonDocument> all = new ArrayList<>(openTransactions.getOrDefault(txn, List.of()));
        openTransactions.remove(txn);
        all.addAll(ops);
        for (BsonDocument nested : all) {
            apply(nested, ts);
        }
    }

    private static BsonDocument transactionId(BsonDocument entry) {
        BsonDocument id = new BsonDocument();
        if (entry.containsKey("lsid")) {
            id.put("lsid", entry.get("lsid"));
        }
        if (entry.containsKey("txnNumber")) {
            id.put("txnNumber", entry.get("txnNumber"));
        }
        return id;
    }

    private MongoCollection<BsonDocument> collection(BsonDocument entry) {
        String ns = OplogEntries.ns(entry);
        int dot = ns.indexOf('.');
        if (dot <= 0 || dot == ns.length() - 1) {
            throw new IllegalArgumentException("namespace '" + ns + "' names no collection");
        }
        return client.getDatabase(scope.destination(ns.substring(0, dot))).getCollection(ns.substring(dot + 1),
                BsonDocument.class);
    }

    private static String database(BsonDocument entry) {
        String ns = OplogEntries.ns(entry);
        int dot = ns.indexOf('.');
        return dot > 0 ? ns.substring(0, dot) : ns;
    }

    private static void ignoring(int code, Publisher<?> command) {
        try {
            block(command);
        } catch (MongoCommandException e) {
            // Already done (a replay over a full backup that holds its effect) or its collection is gone.
            if (e.getErrorCode() != code && e.getErrorCode() != NAMESPACE_NOT_FOUND) {
                throw e;
            }
        }
    }

    private static void block(Publisher<?> publisher) {
        Publishers.all(publisher);
    }
}
