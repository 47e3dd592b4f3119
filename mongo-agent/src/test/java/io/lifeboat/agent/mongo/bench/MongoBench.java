package io.lifeboat.agent.mongo.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.RawBsonDocument;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;

import io.lifeboat.agent.mongo.archive.ArchiveReader;
import io.lifeboat.agent.mongo.engine.MongoDumper;
import io.lifeboat.agent.mongo.engine.MongoTarget;
import io.lifeboat.agent.mongo.engine.Pull;
import io.lifeboat.agent.mongo.restore.ArchiveLoader;
import io.lifeboat.agent.mongo.testing.Targets;
import io.lifeboat.agentkit.crypto.LocalKeyFileMasterKey;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.ArtifactSink;
import io.lifeboat.agentkit.pipeline.ArtifactSpec;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.agentkit.pipeline.PipelineSettings;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.LocalObjectStore;
import io.lifeboat.agentkit.storage.StorageClass;
import io.lifeboat.agentkit.storage.WriteOptions;
import io.lifeboat.agentkit.testing.Benches;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.testkit.support.QuietLoggers;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The mongo benchmark: small documents in ten collections of one in-JVM wire server, dumped by Lifeboat into the
 * local store at the agent's defaults and restored from it, against the driver's own bulk insert of the same
 * documents as the restore's ceiling; prints a {@code RESULT mongo} line.
 */
public final class MongoBench {

    static final int COLLECTIONS = 10;
    private static final String SOURCE = "bench";

    private MongoBench() {
    }

    /** Args: [documents, default 1000000] [rounds, default 3]. */
    public static void main(String[] args) throws Exception {
        int docs = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int batch = restoreConstant("BATCH");
        int inFlight = restoreConstant("IN_FLIGHT");
        Path work = Files.createTempDirectory("lifeboat-mongo-bench-");
        de.bwaldvogel.mongo.MongoServer server = startServer();
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        try (MongoClient client = MongoClients.create(uri)) {
            new Bench(client, uri, work, docs, batch, inFlight).run(rounds);
        } finally {
            server.shutdownNow();
            Benches.deleteTree(work);
        }
    }

    /**
     * The testkit's wire server (mongo-java-server, in-memory backend) without its oplog: {@code MongoServer.start()}
     * enables the oplog for change streams, and mongo-java-server keeps it uncapped in the heap, a second full copy of
     * every document inserted; a million documents written several times over would not fit.
     */
    private static de.bwaldvogel.mongo.MongoServer startServer() {
        QuietLoggers.warnOnly("de.bwaldvogel", "io.netty");
        var server = new de.bwaldvogel.mongo.MongoServer(new MemoryBackend());
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        return server;
    }

    /** One run's state: the server's client, the documents, the pipeline and the target. */
    private static final class Bench {

        private final MongoClient client;
        private final int docs;
        private final int batch;
        private final int inFlight;
        private final List<List<RawBsonDocument>> data;
        private final long bsonBytes;
        private final ArtifactPipeline pipeline;
        private final MongoTarget target;

        Bench(MongoClient client, String uri, Path work, int docs, int batch, int inFlight) throws Exception {
            this.client = client;
            this.docs = docs;
            this.batch = batch;
            this.inFlight = inFlight;
            this.data = BenchDocuments.generate(docs);
            this.bsonBytes = data.stream().flatMap(List::stream).mapToLong(d -> d.getByteBuffer().remaining()).sum();
            PipelineSettings defaults = Benches.agentDefaults(MongoBench.class, work).pipeline().settings();
            System.out.printf("the agent's pipeline: zstd level %d, %d worker(s)%n", defaults.zstdLevel(),
                    defaults.zstdWorkers());
            this.pipeline = new ArtifactPipeline(new LocalObjectStore(work.resolve("store")), new ArtifactLayout(),
                    LocalKeyFileMasterKey.openOrCreate(work.resolve("master.key")), defaults);
            this.target = Targets.of("bench", uri, List.of(SOURCE), 1000);
        }

        void run(int rounds) throws Exception {
            boolean oplog = Pull.all(client.getDatabase("local").listCollectionNames()).contains("oplog.rs");
            System.out.printf("wire server: mongo-java-server, in-memory backend in this JVM, oplog %s; %d cores "
                    + "(%s)%n",
                    oplog
                            ? "enabled (every insert also writes an oplog entry)"
                            : "disabled (the dump has no oplog slice)",
                    Runtime.getRuntime().availableProcessors(), Benches.load());
            System.out.printf("driver insert and restore alike: batches of %d documents, at most %d in flight, one "
                    + "collection after the other (the restore's ArchiveLoader.BATCH and IN_FLIGHT)%n", batch,
                    inFlight);
            double fill = Benches.time(() -> {
                insert(SOURCE);
                createIndexes(SOURCE);
            });
            System.out.printf("filled %s: %d documents in %d collections, %.1f MiB of BSON (%.0f bytes each), "
                    + "in %.1f s; heap in use %.0f MiB (%s)%n", SOURCE, docs, COLLECTIONS, bsonBytes / 1048576.0,
                    (double) bsonBytes / docs, fill, heapMib(), Benches.load());

            // Warm-up, not counted: the JIT compiles the dump, pipeline, archive reader and insert paths.
            Dumped warm = dump();
            double warmDriver = driverInsert("warm_driver");
            double warmRestore = restore(warm.backupId(), "warm_");
            System.out.printf("warm-up: dump %.2f s, driver insert %.2f s, restore %.2f s (%s)%n", warm.seconds(),
                    warmDriver, warmRestore, Benches.load());

            Dumped bestDump = null;
            double bestDriver = Double.MAX_VALUE;
            double bestRestore = Double.MAX_VALUE;
            List<Double> ratios = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                Dumped dumped = dump();
                System.out.printf("round %d dump -> local store: %6.2f s  %8.0f docs/s  archive %.1f MiB, stored "
                        + "%.1f MiB (%s)%n", round, dumped.seconds(), docs / dumped.seconds(), mib(dumped.raw()),
                        mib(dumped.stored()), Benches.load());
                if (bestDump == null || dumped.seconds() < bestDump.seconds()) {
                    bestDump = dumped;
                }
                double driver = 0;
                double restore = 0;
                for (String step : round % 2 == 1 ? List.of("driver", "restore") : List.of("restore", "driver")) {
                    if (step.equals("driver")) {
                        driver = driverInsert("driver_" + round);
                        System.out.printf("round %d driver insertMany:    %6.2f s  %8.0f docs/s (%s)%n", round, driver,
                                docs / driver, Benches.load());
                    } else {
                        restore = restore(dumped.backupId(), "r" + round + "_");
                        System.out.printf("round %d restore <- store:     %6.2f s  %8.0f docs/s (%s)%n", round,
                                restore, docs / restore, Benches.load());
                    }
                }
                bestDriver = Math.min(bestDriver, driver);
                bestRestore = Math.min(bestRestore, restore);
                ratios.add(driver / restore);
            }
            ratios.sort(null);
            double medianRatio = ratios.get(ratios.size() / 2);
            double indexes = profile(bestDump.backupId());
            System.out.printf("profile: best restore less that index build: %.2f s, %.2f of the driver's rate%n",
                    bestRestore - indexes, bestDriver / (bestRestore - indexes));
            System.out.printf("RESULT mongo docs=%d collections=%d dump_docs_per_s=%d dump_mb_per_s=%.1f "
                    + "restore_docs_per_s=%d driver_insert_docs_per_s=%d ratio_restore_vs_driver_insert=%.2f "
                    + "median_ratio=%.2f%n", docs, COLLECTIONS, Math.round(docs / bestDump.seconds()),
                    bsonBytes / 1e6 / bestDump.seconds(), Math.round(docs / bestRestore),
                    Math.round(docs / bestDriver), bestDriver / bestRestore, medianRatio);
        }

        /**
         * Where the restore's time goes (not in the RESULT): reading the artifact, parsing it, building indexes;
         * returns the seconds the unique indexes take to build on the data of a driver insert.
         */
        private double profile(String backupId) throws Exception {
            System.out.printf("profile: artifact -> null stream (read, verify, decrypt, decompress): %.2f s (%s)%n",
                    Benches.time(() -> {
                        try (InputStream in = pipeline.openForRestore(target.id(), backupId)) {
                            in.transferTo(OutputStream.nullOutputStream());
                        }
                    }), Benches.load());
            System.out.printf("profile: artifact -> archive reader, documents thrown away: %.2f s (%s)%n",
                    Benches.time(() -> {
                        try (InputStream in = pipeline.openForRestore(target.id(), backupId)) {
                            ArchiveReader reader = new ArchiveReader(in);
                            while (reader.next() != null) {
                                // Parsing and CRC checks only.
                            }
                        }
                    }), Benches.load());
            double inserts = Benches.time(() -> insert("profile_driver"));
            double indexes = Benches.time(() -> createIndexes("profile_driver"));
            drop("profile_driver");
            System.out.printf("profile: driver insertMany %.2f s, then the unique indexes on its data %.2f s (the "
                    + "restore builds them too, the driver's figure leaves them out) (%s)%n", inserts, indexes,
                    Benches.load());
            return indexes;
        }

        /** One dump as the agent's runner takes it: dumper → sink → manifest. */
        private Dumped dump() throws Exception {
            String backupId = "bk-bench-" + UUID.randomUUID().toString().substring(0, 8);
            long start = System.nanoTime();
            Manifest manifest;
            try (MongoClient source = target.client();
                    ArtifactSink sink = pipeline.create(new ArtifactSpec(target.id(), backupId, Engine.MONGODB,
                            BackupType.LOGICAL, WriteOptions.of(StorageClass.HOT)))) {
                Map<String, Object> metadata = new MongoDumper(target, source).dump(sink.stream());
                manifest = sink.complete(metadata);
            }
            return new Dumped(backupId, Benches.since(start), manifest.sizes().raw(), manifest.sizes().stored());
        }

        /** The driver's bulk insert of every document into database {@code db}; seconds, then drops it. */
        private double driverInsert(String db) throws Exception {
            double seconds = Benches.time(() -> insert(db));
            drop(db);
            return seconds;
        }

        /** Restores the artifact into databases prefixed {@code prefix}; seconds, then drops them. */
        private double restore(String backupId, String prefix) throws Exception {
            long start = System.nanoTime();
            ArchiveLoader.Loaded loaded;
            try (InputStream in = pipeline.openForRestore(target.id(), backupId)) {
                loaded = new ArchiveLoader(client, db -> prefix + db, "bench").load(in, false, true, null);
            }
            double seconds = Benches.since(start);
            if (loaded.totalDocuments() != docs) {
                throw new IllegalStateException("restored " + loaded.totalDocuments() + " of " + docs + " documents");
            }
            drop(prefix + SOURCE);
            return seconds;
        }

        private void insert(String db) throws Exception {
            for (int c = 0; c < COLLECTIONS; c++) {
                MongoCollection<RawBsonDocument> collection = client.getDatabase(db).getCollection("c" + c,
                        RawBsonDocument.class);
                long inserted = new BulkInsert(collection, inFlight).insert(data.get(c), batch);
                if (inserted != data.get(c).size()) {
                    throw new IllegalStateException(db + ".c" + c + " took " + inserted + " of " + data.get(c).size());
                }
            }
        }

        private void createIndexes(String db) throws Exception {
            for (int c = 0; c < COLLECTIONS; c++) {
                Pull.first(client.getDatabase(db).getCollection("c" + c).createIndex(Indexes.ascending("seq"),
                        new IndexOptions().unique(true).name("seq_1")));
            }
        }

        private void drop(String db) throws Exception {
            Pull.first(client.getDatabase(db).drop());
        }
    }

    /** One stored dump: its id, seconds, archive bytes and stored bytes. */
    private record Dumped(String backupId, double seconds, long raw, long stored) {
    }

    /** The restore's own batch size or in-flight bound, read so that the driver's ceiling always matches them. */
    private static int restoreConstant(String name) throws ReflectiveOperationException {
        Field field = ArchiveLoader.class.getDeclaredField(name);
        field.setAccessible(true);
        return field.getInt(null);
    }

    /** MiB of heap in use after a collection: the server's documents, the generated ones, the client's buffers. */
    private static double heapMib() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return mib(runtime.totalMemory() - runtime.freeMemory());
    }

    private static double mib(long bytes) {
        return bytes / 1048576.0;
    }

}
