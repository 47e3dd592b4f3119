package io.lifeboat.agent.mongo.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadPreference;
import com.mongodb.connection.SslSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import io.lifeboat.agent.mongo.oplog.NamespaceScope;

/**
 * One configured MongoDB target, resolved: its connection string, what to dump and how to reach it.
 *
 * @param id the target id
 * @param uri connection string (may hold credentials: never print it, print {@link #describe()})
 * @param databases databases to dump; empty = all but admin, local and config
 * @param excludeCollections {@code db.collection} names never dumped
 * @param readPreference read preference name
 * @param maxStaleness staleness bound for secondaries, or null
 * @param connectTimeout TCP connect timeout
 * @param serverSelectionTimeout server selection timeout
 * @param socketTimeout read timeout, zero for none
 * @param batchSize documents requested at once
 */
public record MongoTarget(String id, String uri, List<String> databases, List<String> excludeCollections,
        String readPreference, Duration maxStaleness, Duration connectTimeout, Duration serverSelectionTimeout,
        Duration socketTimeout, int batchSize) {

    /** The databases and collections this target's dumps hold (and its oplog replays apply). */
    public NamespaceScope scope() {
        return new NamespaceScope(databases, excludeCollections, UnaryOperator.identity());
    }

    /** {@code target '<id>' (mongodb://host:port)} without credentials. */
    public String describe() {
        return "target '" + id + "' (" + hosts(uri) + ")";
    }

    /** A client for this target with its read preference and timeouts. */
    public MongoClient client() {
        ReadPreference preference = ReadPreference.valueOf(readPreference);
        if (maxStaleness != null && !preference.equals(ReadPreference.primary())) {
            preference = ReadPreference.valueOf(readPreference, List.of(), maxStaleness.toSeconds(),
                    TimeUnit.SECONDS);
        }
        return client(uri, preference, connectTimeout, serverSelectionTimeout, socketTimeout);
    }

    /**
     * A client connected to the one member {@code hostAndPort} of this target's replica set, reading from it with
     * this target's credentials, TLS settings and timeouts.
     */
    public MongoClient directClient(String hostAndPort) {
        ConnectionString original = new ConnectionString(uri);
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://" + hostAndPort + "/?directConnection=true"))
                .readPreference(ReadPreference.secondaryPreferred())
                .applyToSslSettings(s -> s.applySettings(SslSettings.builder().applyConnectionString(original).build()))
                .applyToSocketSettings(s -> s.connectTimeout((int) connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout((int) socketTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(serverSelectionTimeout.toMillis(),
                        TimeUnit.MILLISECONDS));
        if (original.getCredential() != null) {
            settings.credential(original.getCredential());
        }
        return MongoClients.create(settings.build());
    }

    /** A client for {@code uri} with explicit settings. */
    public static MongoClient client(String uri, ReadPreference preference, Duration connect, Duration selection,
            Duration socket) {
        return MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .readPreference(preference)
                .applyToSocketSettings(s -> s.connectTimeout((int) connect.toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout((int) socket.toMillis(), TimeUnit.MILLISECONDS))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(selection.toMillis(), TimeUnit.MILLISECONDS))
                .build());
    }

    /** The hosts of a connection string, credentials and options left out. */
    public static String hosts(String uri) {
        try {
            ConnectionString parsed = new ConnectionString(uri);
            return (uri.startsWith("mongodb+srv://") ? "mongodb+srv://" : "mongodb://")
                    + String.join(",", parsed.getHosts());
        } catch (RuntimeException e) {
            return "an invalid connection string";
        }
    }
}
