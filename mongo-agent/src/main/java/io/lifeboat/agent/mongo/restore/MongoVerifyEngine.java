package io.lifeboat.agent.mongo.restore;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.jboss.logging.Logger;

import com.mongodb.ReadPreference;
import com.mongodb.client.model.Projections;
import com.mongodb.reactivestreams.client.MongoClient;

import io.lifeboat.agent.mongo.config.MongoConfig;
import io.lifeboat.agent.mongo.config.MongoTargets;
import io.lifeboat.agent.mongo.engine.DumpMetadata;
import io.lifeboat.agent.mongo.engine.IdDigest;
import io.lifeboat.agent.mongo.engine.MongoTarget;
import io.lifeboat.agent.mongo.engine.Pull;
import io.lifeboat.agentkit.agent.VerifyEngine;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.events.backup.VerifyBackup;

/**
 * Proves a dump restores: loads it (without its oplog slice) into scratch databases named
 * {@code lifeboat_verify_<short backup id>_<db>} on the target's server or the configured scratch server, compares
 * each collection's document count and {@code _id} digest with what the manifest recorded at dump time, and drops
 * the scratch databases afterwards, whatever the outcome.
 */
@ApplicationScoped
public class MongoVerifyEngine implements VerifyEngine {

    private static final Logger LOG = Logger.getLogger(MongoVerifyEngine.class);

    @Inject
    ArtifactPipeline pipeline;

    @Inject
    MongoTargets targets;

    @Inject
    MongoConfig config;

    @Override
    public String verify(VerifyBackup command, Manifest backup) throws Exception {
        String what = "backup '" + backup.backupId() + "' of target '" + backup.targetId() + "'";
        String prefix = scratchPrefix(backup.backupId());
        MongoTarget target = targets.get(backup.targetId());
        String uri = config.verify().scratchUri().orElse(target.uri());
        String where = MongoTarget.hosts(uri) + " (scratch databases " + prefix + "*)";
        List<DumpMetadata.Collection> recorded = DumpMetadata.collections(backup);
        Set<String> scratch = new LinkedHashSet<>();
        try (MongoClient client = MongoTarget.client(uri, ReadPreference.primary(), target.connectTimeout(),
                target.serverSelectionTimeout(), Duration.ZERO)) {
            try {
                recorded.forEach(c -> scratch.add(prefix + c.db()));
                ArchiveLoader.Loaded loaded;
                try (InputStream in = pipeline.openForRestore(backup.targetId(), backup.backupId())) {
                    loaded = new ArchiveLoader(client, db -> {
                        scratch.add(prefix + db);
                        return prefix + db;
                    }, where).load(in, true, false, null);
                } catch (IOException e) {
                    throw new VerifyFailure("restore", "unable to read " + what + ": " + e.getMessage());
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    throw new VerifyFailure("restore", "unable to restore " + what + " into " + where + ": "
                            + e.getMessage());
                }
                List<String> mismatches = compare(client, prefix, recorded);
                if (!mismatches.isEmpty()) {
                    throw new VerifyFailure("compare", what + " restored into " + where + " differs from what its "
                            + "manifest recorded: " + String.join("; ", mismatches));
                }
                return "restored into scratch databases on " + MongoTarget.hosts(uri) + ": " + loaded.collections()
                        + " collections, " + loaded.totalDocuments() + " documents; counts and _id digests of every "
                        + "collection as recorded at dump time";
            } finally {
                drop(client, scratch);
            }
        }
    }

    private static List<String> compare(MongoClient client, String prefix, List<DumpMetadata.Collection> recorded)
            throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (DumpMetadata.Collection expected : recorded) {
            if (expected.type().equals("view")) {
                continue;
            }
            IdDigest ids = new IdDigest();
            try (Pull<RawBsonDocument> documents = Pull.of(client.getDatabase(prefix + expected.db())
                    .getCollection(expected.collection(), RawBsonDocument.class).find()
                    .projection(Projections.include("_id")).batchSize(1000), 1000)) {
                BsonDocument document;
                while ((document = documents.next()) != null) {
                    ids.add(document);
                }
            }
            if (ids.count() != expected.documents()) {
                mismatches.add(expected.namespace() + " holds " + ids.count() + " documents, recorded "
                        + expected.documents());
            } else if (!ids.hex().equals(expected.idDigest())) {
                mismatches.add(expected.namespace() + " has _id digest other than recorded " + expected.idDigest());
            }
        }
        return mismatches;
    }

    private static void drop(MongoClient client, Set<String> databases) {
        for (String db : databases) {
            try {
                Pull.first(client.getDatabase(db).drop());
            } catch (Exception e) {
                LOG.warnf("unable to drop scratch database %s: %s", db, e.toString());
            }
        }
    }

    /** {@code lifeboat_verify_<first 12 characters of the backup id, letters and digits only>_}. */
    static String scratchPrefix(String backupId) {
        String clean = backupId.replaceAll("[^A-Za-z0-9]", "");
        if (clean.startsWith("bk")) {
            clean = clean.substring(2);
        }
        return "lifeboat_verify_" + clean.substring(0, Math.min(12, clean.length())) + "_";
    }
}
