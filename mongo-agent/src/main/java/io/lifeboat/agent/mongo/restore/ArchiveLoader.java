package io.lifeboat.agent.mongo.restore;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.RawBsonDocument;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;

import io.lifeboat.agent.mongo.archive.ArchiveReader;
import io.lifeboat.agent.mongo.archive.NamespaceMetadata;
import io.lifeboat.agent.mongo.engine.Pull;
import io.lifeboat.agent.mongo.oplog.NamespaceScope;
import io.lifeboat.agent.mongo.oplog.OplogApplier;
import io.lifeboat.agent.mongo.oplog.OplogPosition;

/**
 * Loads a mongodump archive into a running deployment: checks that no destination collection holds documents
 * (or drops them when overwriting is allowed), recreates each collection with its options (and each view), inserts
 * its documents in batches, builds its indexes after its data (on a second thread, while the next collection loads),
 * then applies the archive's oplog slice up to a bound through an {@link OplogApplier}.
 */
public final class ArchiveLoader {

    static final int BATCH = 1000;
    static final int IN_FLIGHT = 2;

    private final MongoClient client;
    private final NamespaceScope scope;
    private final UnaryOperator<String> databases;
    private final String destination;

    /**
     * What a load wrote.
     *
     * @param documents documents inserted per source namespace {@code db.collection}
     * @param collections collections and views created
     * @param oplogApplied oplog entries applied
     * @param reached the newest oplog position applied, or null when none was
     * @param bytes BSON bytes of the documents inserted
     */
    public record Loaded(Map<String, Long> documents, int collections, long oplogApplied, OplogPosition reached,
            long bytes) {

        /** Documents inserted in all namespaces. */
        public long totalDocuments() {
            return documents.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * A loader into {@code client} that replays the oplog of every user namespace, naming the destination
     * {@code destination} in its errors.
     *
     * @param databases maps a source database name to the destination's
     */
    public ArchiveLoader(MongoClient client, UnaryOperator<String> databases, String destination) {
        this(client, NamespaceScope.everything().renamed(databases), destination);
    }

    /** A loader into {@code client} that replays the oplog of {@code scope}'s namespaces under the scope's names. */
    public ArchiveLoader(MongoClient client, NamespaceScope scope, String destination) {
        this.client = client;
        this.scope = scope;
        this.databases = scope.rename();
        this.destination = destination;
    }

    /**
     * Loads the archive from {@code in}.
     *
     * @param overwrite whether destination collections that hold documents are dropped first (else refused)
     * @param replay whether the oplog slice is applied
     * @param until the newest oplog position to apply, or null for all of the slice
     */
    public Loaded load(InputStream in, boolean overwrite, boolean replay, OplogPosition until) throws Exception {
        try (IndexBuilds builds = new IndexBuilds(destination)) {
            return load(in, overwrite, replay, until, builds);
        }
    }

    private Loaded load(InputStream in, boolean overwrite, boolean replay, OplogPosition until, IndexBuilds builds)
            throws Exception {
        ArchiveReader reader = new ArchiveReader(in);
        List<NamespaceMetadata> namespaces = reader.namespaces().stream().filter(ns -> !ns.isOplog()).toList();
        prepare(namespaces, overwrite);
        Map<String, NamespaceMetadata> byName = new LinkedHashMap<>();
        for (NamespaceMetadata ns : namespaces) {
            byName.put(ns.namespace(), ns);
            create(ns);
        }
        OplogApplier replayer = new OplogApplier(client, scope);
        long applied = 0;
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, BatchInserter> inserters = new LinkedHashMap<>();
        OplogPosition reached = null;
        long bytes = 0;
        ArchiveReader.Item item;
        while ((item = reader.next()) != null) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("restore into " + destination + " cancelled");
            }
            if (item instanceof ArchiveReader.Document doc) {
                if (doc.db().isEmpty()) {
                    OplogPosition at = OplogPosition.of(doc.document().getTimestamp("ts"));
                    if (replay && (until == null || at.compareTo(until) <= 0)) {
                        builds.awaitAll();
                        replayer.apply(doc.document());
                        applied++;
                        reached = at;
                    }
                    continue;
                }
                String ns = doc.db() + "." + doc.collection();
                bytes += doc.document().getByteBuffer().remaining();
                inserters.computeIfAbsent(ns, n -> new BatchInserter(client.getDatabase(databases.apply(doc.db()))
                        .getCollection(doc.collection(), RawBsonDocument.class), BATCH, IN_FLIGHT))
                        .add(doc.document());
            } else if (item instanceof ArchiveReader.End end && !end.db().isEmpty()) {
                String ns = end.db() + "." + end.collection();
                BatchInserter inserter = inserters.remove(ns);
                long inserted = inserter == null ? 0 : inserter.finish();
                if (inserted != end.documents()) {
                    throw new IllegalStateException(destination + " took " + inserted + " of the " + end.documents()
                            + " documents of " + ns);
                }
                counts.put(ns, inserted);
                NamespaceMetadata metadata = byName.get(ns);
                builds.submit(ns, () -> indexes(metadata));
            }
        }
        builds.awaitAll();
        return new Loaded(counts, namespaces.size(), applied, reached, bytes);
    }

    private void prepare(List<NamespaceMetadata> namespaces, boolean overwrite) throws Exception {
        List<String> occupied = new ArrayList<>();
        for (NamespaceMetadata ns : namespaces) {
            MongoDatabase db = client.getDatabase(databases.apply(ns.db()));
            boolean exists = Pull.all(db.listCollectionNames()).contains(ns.collection());
            if (!exists) {
                continue;
            }
            Long documents = Pull.first(db.getCollection(ns.collection()).countDocuments(new Document(),
                    new com.mongodb.client.model.CountOptions().limit(1)));
            if (overwrite) {
                Pull.first(db.getCollection(ns.collection()).drop());
            } else if (documents != null && documents > 0) {
                occupied.add(databases.apply(ns.db()) + "." + ns.collection());
            } else {
                Pull.first(db.getCollection(ns.collection()).drop());
            }
        }
        if (!occupied.isEmpty()) {
            throw new DestinationOccupiedException(destination + " already holds documents in "
                    + occupied.stream().collect(Collectors.joining(", ")) + "; set overwrite to replace them");
        }
    }

    private void create(NamespaceMetadata ns) throws Exception {
        BsonDocument options = metadata(ns).getDocument("options", new BsonDocument());
        BsonDocument create = new BsonDocument("create", new BsonString(ns.collection()));
        for (Map.Entry<String, BsonValue> option : options.entrySet()) {
            create.append(option.getKey(), option.getValue());
        }
        Pull.first(client.getDatabase(databases.apply(ns.db())).runCommand(create));
    }

    private void indexes(NamespaceMetadata ns) throws Exception {
        BsonArray specs = new BsonArray();
        for (BsonValue value : metadata(ns).getArray("indexes", new BsonArray())) {
            BsonDocument spec = value.asDocument().clone();
            if (spec.getString("name", new BsonString("")).getValue().equals("_id_")) {
                continue;
            }
            spec.remove("v");
            spec.remove("ns");
            specs.add(spec);
        }
        if (!specs.isEmpty()) {
            Pull.first(client.getDatabase(databases.apply(ns.db())).runCommand(new BsonDocument("createIndexes",
                    new BsonString(ns.collection())).append("indexes", specs)));
        }
    }

    private static BsonDocument metadata(NamespaceMetadata ns) {
        return ns.metadata().isBlank() ? new BsonDocument() : BsonDocument.parse(ns.metadata());
    }

    /** The destination holds data the restore would overwrite, and overwriting was not allowed. */
    public static final class DestinationOccupiedException extends Exception {

        private static final long serialVersionUID = 1L;

        DestinationOccupiedException(String message) {
            super(message);
        }
    }
}
