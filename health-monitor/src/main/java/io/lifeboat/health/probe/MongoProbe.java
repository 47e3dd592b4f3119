package io.lifeboat.health.probe;

import java.util.concurrent.TimeUnit;

import org.bson.Document;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.connection.ServerDescription;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;

/**
 * Runs {@code {ping: 1}} on a MongoDB deployment's {@code admin} database and reads the member's role from
 * {@code hello} (or {@code isMaster} on servers that predate it); a server answering neither still passes, without
 * a role. The client lives from the first check to {@link #close()}: the driver monitors its servers in the
 * background, and a client per check would redo that discovery every time.
 */
final class MongoProbe extends TimedProbe {

    private final String uri;
    private MongoClient client;
    private volatile boolean helloUnknown;

    MongoProbe(String name, String uri, String instance) {
        super(name, instance);
        this.uri = uri;
    }

    /** {@code mongodb://host:port,...} of a connection string, credentials and options left out. */
    static String instanceOf(String uri) {
        ConnectionString parsed = new ConnectionString(uri);
        return String.join(",", parsed.getHosts());
    }

    @Override
    Outcome check(Attempt attempt) throws Exception {
        MongoDatabase admin = client(attempt).getDatabase("admin");
        attempt.step("ping");
        FirstItem.of(admin.runCommand(new Document("ping", 1)));
        attempt.step("hello");
        return new Outcome(role(admin), null, null);
    }

    @Override
    synchronized String knownCause(Attempt attempt) {
        if (client == null) {
            return null;
        }
        for (ServerDescription server : client.getClusterDescription().getServerDescriptions()) {
            if (server.getException() != null) {
                return Failures.describe(server.getException(), attempt.timeout(), attempt.step(), instance());
            }
        }
        return null;
    }

    private String role(MongoDatabase admin) throws Exception {
        Document hello;
        try {
            hello = FirstItem.of(admin.runCommand(new Document(helloUnknown ? "isMaster" : "hello", 1)));
        } catch (MongoCommandException e) {
            if (helloUnknown) {
                return null;
            }
            // Asked once: servers that predate hello (and mongo-java-server) log every unknown command.
            helloUnknown = true;
            try {
                hello = FirstItem.of(admin.runCommand(new Document("isMaster", 1)));
            } catch (MongoCommandException again) {
                return null;
            }
        }
        if (hello == null) {
            return null;
        }
        if ("isdbgrid".equals(hello.get("msg"))) {
            return "mongos";
        }
        if (!hello.containsKey("setName")) {
            return "standalone";
        }
        if (Boolean.TRUE.equals(hello.get("isWritablePrimary")) || Boolean.TRUE.equals(hello.get("ismaster"))) {
            return "primary";
        }
        if (Boolean.TRUE.equals(hello.get("secondary"))) {
            return "secondary";
        }
        return Boolean.TRUE.equals(hello.get("arbiterOnly")) ? "arbiter" : "other";
    }

    /** The client, created by the first check with its timeout. */
    private synchronized MongoClient client(Attempt attempt) {
        if (client == null) {
            long millis = attempt.timeoutMillis();
            client = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString(uri))
                    .applicationName("lifeboat-health-monitor")
                    .applyToSocketSettings(s -> s.connectTimeout((int) millis, TimeUnit.MILLISECONDS)
                            .readTimeout((int) millis, TimeUnit.MILLISECONDS))
                    .applyToClusterSettings(c -> c.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
                    .build());
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
