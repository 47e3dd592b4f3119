package io.lifeboat.agent.mongo.engine;

import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.jboss.logging.Logger;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import io.lifeboat.agent.mongo.archive.ArchiveWriter;
import io.lifeboat.agent.mongo.archive.NamespaceMetadata;
import io.lifeboat.agent.mongo.oplog.OplogPosition;

/**
 * Dumps one target into a mongodump archive: records the newest oplog entry, lists databases, collections (with
 * their options) and indexes, streams every collection's documents with bounded demand, records the newest oplog
 * entry again and appends the oplog entries in between, so that the dump plus that slice is consistent to its end.
 */
public final class MongoDumper {

    private static final Logger LOG = Logger.getLogger(MongoDumper.class);
    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED)
            .build();

    private final MongoTarget target;
    private final MongoClient client;

    /** A dumper of {@code target} through {@code client}, which the caller closes. */
    public MongoDumper(MongoTarget target, MongoClient client) {
        this.target = target;
        this.client = client;
    }

    /** Streams the dump into {@code out} and returns the manifest metadata. */
    public Map<String, Object> dump(OutputStream out) throws Exception {
        String serverVersion = step("read the server version", () -> {
            Document info = Pull.first(client.getDatabase("admin").runCommand(new Document("buildInfo", 1)));
            return info == null ? "unknown" : info.get("version", "unknown");
        });
        boolean oplog = step("look for local.oplog.rs", () -> Pull.all(client.getDatabase("local")
                .listCollectionNames()).contains("oplog.rs"));
        OplogPosition start = oplog ? newestOplogEntry() : null;
        List<Source> sources = step("list databases and collections", this::sources);
        List<NamespaceMetadata> prelude = new ArrayList<>();
        for (Source source : sources) {
            prelude.add(new NamespaceMetadata(source.db, source.name, source.metadataJson(), 0, source.type));
        }
        if (oplog) {
            prelude.add(new NamespaceMetadata("", ArchiveWriter.OPLOG_COLLECTION, "", 0, ""));
        }
        ArchiveWriter writer = new ArchiveWriter(out);
        writer.prelude(serverVersion, prelude);
        List<DumpMetadata.Collection> dumped = new ArrayList<>();
        for (Source source : sources) {
            dumped.add(copy(source, writer));
        }
        Instant readEnd = Instant.now();
        OplogPosition end = null;
        long entries = 0;
        if (oplog) {
            end = newestOplogEntry();
            entries = oplogSlice(start, end, writer);
        }
        LOG.infof("dumped %s: %d collections, %d documents, oplog %s", target.describe(), dumped.size(),
                dumped.stream().mapToLong(DumpMetadata.Collection::documents).sum(),
                oplog ? start + " to " + end + " (" + entries + " entries)" : "none");
        return DumpMetadata.of(serverVersion, start, end, entries, dumped, readEnd, target.scope());
    }

    private DumpMetadata.Collection copy(Source source, ArchiveWriter writer) throws Exception {
        String ns = source.db + "." + source.name;
        writer.begin(source.db, source.name);
        IdDigest ids = new IdDigest();
        if (!source.isView()) {
            MongoCollection<RawBsonDocument> collection = client.getDatabase(source.db).getCollection(source.name,
                    RawBsonDocument.class);
            try (Pull<RawBsonDocument> documents = Pull.of(collection.find().batchSize(target.batchSize()),
                    target.batchSize())) {
                RawBsonDocument document;
                while ((document = documents.next()) != null) {
                    writer.document(document);
                    ids.add(document);
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedException("dump of " + ns + " cancelled");
                    }
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                throw new MongoDumpException("unable to read collection " + ns + " of " + target.describe()
                        + " (dropped, or its cursor killed, while it was read?): " + e.getMessage(), e);
            }
            stillThere(source);
        }
        writer.end();
        return new DumpMetadata.Collection(source.db, source.name, source.type, ids.count(), ids.hex(),
                source.indexes.size());
    }

    /** A collection dropped (or dropped and recreated) while it was read fails the dump: no silent gap. */
    private void stillThere(Source source) throws Exception {
        String ns = source.db + "." + source.name;
        Document now = step("check that " + ns + " still exists", () -> Pull.first(client.getDatabase(source.db)
                .listCollections().filter(Filters.eq("name", source.name))));
        if (now == null) {
            throw new MongoDumpException("collection " + ns + " of " + target.describe()
                    + " was dropped while it was dumped; the dump would miss it");
        }
        String uuid = uuid(now);
        if (source.uuid != null && uuid != null && !source.uuid.equals(uuid)) {
            throw new MongoDumpException("collection " + ns + " of " + target.describe()
                    + " was dropped and recreated while it was dumped (UUID " + source.uuid + " became " + uuid + ")");
        }
    }

    private long oplogSlice(OplogPosition start, OplogPosition end, ArchiveWriter writer) throws Exception {
        writer.begin("", ArchiveWriter.OPLOG_COLLECTION);
        long entries = 0;
        if (end.compareTo(start) > 0) {
            MongoCollection<RawBsonDocument> oplog = client.getDatabase("local").getCollection("oplog.rs",
                    RawBsonDocument.class);
            try (Pull<RawBsonDocument> slice = Pull.of(oplog.find(Filters.and(Filters.gt("ts", start.toBsonTimestamp()),
                    Filters.lte("ts", end.toBsonTimestamp()))).sort(Sorts.ascending("$natural")), target.batchSize())) {
                RawBsonDocument entry;
                OplogPosition previous = start;
                while ((entry = slice.next()) != null) {
                    OplogPosition at = OplogPosition.of(entry.getTimestamp("ts"));
                    if (at.compareTo(previous) <= 0) {
                        throw new MongoDumpException("the oplog of " + target.describe() + " returned entry " + at
                                + " after " + previous + ": out of order");
                    }
                    previous = at;
                    writer.document(entry);
                    entries++;
                }
            } catch (MongoDumpException e) {
                throw e;
            } catch (Exception e) {
                throw new MongoDumpException("unable to read the oplog of " + target.describe() + " from " + start
                        + " to " + end + ": " + e.getMessage(), e);
            }
        }
        writer.end();
        return entries;
    }

    private OplogPosition newestOplogEntry() throws Exception {
        RawBsonDocument newest = step("read the newest oplog entry", () -> Pull.first(client.getDatabase("local")
                .getCollection("oplog.rs", RawBsonDocument.class).find().sort(Sorts.descending("$natural"))
                .projection(Projections.include("ts")).limit(1)));
        if (newest == null) {
            throw new MongoDumpException("the oplog of " + target.describe() + " is empty");
        }
        BsonTimestamp ts = newest.getTimestamp("ts");
        return OplogPosition.of(ts);
    }

    private List<Source> sources() throws Exception {
        List<String> databases = new ArrayList<>();
        List<String> present = Pull.all(client.listDatabaseNames());
        if (target.databases().isEmpty()) {
            present.stream().filter(target.scope()::includesDatabase).forEach(databases::add);
        } else {
            for (String db : target.databases()) {
                if (!present.contains(db)) {
                    throw new MongoDumpException("database '" + db + "' named in lifeboat.mongo.targets."
                            + target.id() + ".databases does not exist on " + target.describe());
                }
                databases.add(db);
            }
        }
        List<Source> sources = new ArrayList<>();
        for (String db : databases.stream().sorted().toList()) {
            MongoDatabase database = client.getDatabase(db);
            for (Document info : Pull.all(database.listCollections())) {
                String name = info.getString("name");
                if (!target.scope().includes(db, name)) {
                    continue;
                }
                String type = info.get("type", "collection");
                if (!type.equals("collection") && !type.equals("view")) {
                    throw new MongoDumpException("collection " + db + "." + name + " of " + target.describe()
                            + " is of type '" + type + "', which this agent does not dump");
                }
                Document options = info.get("options", new Document());
                List<Document> indexes = type.equals("view")
                        ? List.of()
                        : Pull.all(database.getCollection(name).listIndexes());
                sources.add(new Source(db, name, type, options, indexes, uuid(info)));
            }
        }
        sources.sort(Comparator.comparing((Source s) -> s.db).thenComparing(s -> s.name));
        return sources;
    }

    private static String uuid(Document info) {
        Object infoDoc = info.get("info");
        if (infoDoc instanceof Document d && d.get("uuid") != null) {
            Object uuid = d.get("uuid");
            if (uuid instanceof java.util.UUID u) {
                return u.toString().replace("-", "");
            }
            if (uuid instanceof org.bson.types.Binary b) {
                return HexFormat.of().formatHex(b.getData());
            }
        }
        return null;
    }

    private <T> T step(String what, Step<T> step) throws Exception {
        try {
            return step.run();
        } catch (MongoDumpException | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new MongoDumpException("unable to " + what + " on " + target.describe() + ": " + e.getMessage(),
                    e);
        }
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    /** A collection or view to dump, with what mongodump's metadata.json holds about it. */
    private record Source(String db, String name, String type, Document options, List<Document> indexes,
            String uuid) {

        boolean isView() {
            return type.equals("view");
        }

        String metadataJson() {
            Document metadata = new Document("options", options).append("indexes", indexes);
            if (uuid != null) {
                metadata.append("uuid", uuid);
            }
            metadata.append("collectionName", name).append("type", type);
            return metadata.toJson(CANONICAL);
        }
    }

}
