package io.lifeboat.agent.mongo.engine;

import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;

import com.mongodb.reactivestreams.client.MongoClient;

/**
 * Picks the replica-set member a dump reads from when the read preference allows a secondary: the healthy secondary
 * with the newest applied optime (so never the most lagged one), or the primary when there is none and the preference
 * is {@code secondaryPreferred}; the dump then reads documents and oplog from that one member only.
 */
final class SourceMember {

    private SourceMember() {
    }

    /**
     * The client the dump uses: {@code client} itself for a standalone server, a mongos or a preference other than
     * {@code secondary}/{@code secondaryPreferred}; otherwise a direct client to the chosen member ({@code client}
     * is then closed).
     */
    static MongoClient pin(MongoTarget target, MongoClient client) throws Exception {
        String preference = target.readPreference();
        if (!preference.equals("secondaryPreferred") && !preference.equals("secondary")) {
            return client;
        }
        Document hello;
        try {
            hello = Pull.first(client.getDatabase("admin").runCommand(new Document("isMaster", 1)));
        } catch (Exception e) {
            throw new MongoDumpException("unable to reach " + target.describe() + ": " + e.getMessage(), e);
        }
        if (hello == null || hello.get("setName") == null) {
            return client;
        }
        Document status;
        try {
            status = Pull.first(client.getDatabase("admin").runCommand(new Document("replSetGetStatus", 1)));
        } catch (Exception e) {
            throw new MongoDumpException("unable to read replSetGetStatus of " + target.describe() + " to choose a "
                    + "secondary (the agent's user needs the clusterMonitor role): " + e.getMessage(), e);
        }
        List<Document> members = status == null ? List.of() : status.getList("members", Document.class, List.of());
        Optional<String> chosen = choose(members, preference.equals("secondaryPreferred"));
        if (chosen.isEmpty()) {
            throw new MongoDumpException("replica set " + hello.get("setName") + " of " + target.describe()
                    + " has no healthy secondary, and read-preference is 'secondary'");
        }
        client.close();
        return target.directClient(chosen.get());
    }

    /** The freshest healthy secondary's {@code host:port}; the primary's when none and {@code orPrimary}. */
    static Optional<String> choose(List<Document> members, boolean orPrimary) {
        Optional<String> secondary = members.stream().filter(m -> "SECONDARY".equals(m.getString("stateStr")))
                .filter(SourceMember::healthy).filter(m -> m.get("optimeDate") instanceof Date)
                .max(Comparator.comparing((Document m) -> m.getDate("optimeDate")))
                .map(m -> m.getString("name"));
        if (secondary.isPresent() || !orPrimary) {
            return secondary;
        }
        return members.stream().filter(m -> "PRIMARY".equals(m.getString("stateStr"))).filter(SourceMember::healthy)
                .map(m -> m.getString("name")).findFirst();
    }

    private static boolean healthy(Document member) {
        Object health = member.get("health");
        return health instanceof Number n && n.doubleValue() == 1.0;
    }
}
