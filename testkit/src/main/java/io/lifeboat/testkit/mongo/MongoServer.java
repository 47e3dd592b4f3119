package io.lifeboat.testkit.mongo;

import java.net.InetSocketAddress;

import io.lifeboat.testkit.process.JvmExit;
import io.lifeboat.testkit.support.QuietLoggers;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A MongoDB wire-protocol server for tests: mongo-java-server with its in-memory backend on a free port of 127.0.0.1,
 * its oplog enabled so that change streams deliver events; see {@code DESIGN.md} beside this class for what it
 * cannot prove.
 */
public final class MongoServer implements AutoCloseable {

    private static volatile MongoServer shared;

    private final de.bwaldvogel.mongo.MongoServer server;
    private final String connectionString;

    private MongoServer(de.bwaldvogel.mongo.MongoServer server, String connectionString) {
        this.server = server;
        this.connectionString = connectionString;
    }

    /** Starts a new, empty server that the caller closes. */
    public static MongoServer start() {
        QuietLoggers.warnOnly("de.bwaldvogel", "io.netty");
        var server = new de.bwaldvogel.mongo.MongoServer(new MemoryBackend());
        server.enableOplog();
        try {
            // Port 0: the operating system picks a free port at bind time, so there is no race to lose.
            server.bind(new InetSocketAddress("127.0.0.1", 0));
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw new IllegalStateException("unable to start MongoDB wire server on 127.0.0.1: " + e.getMessage(), e);
        }
        InetSocketAddress address = server.getLocalAddress();
        return new MongoServer(server, "mongodb://127.0.0.1:" + address.getPort());
    }

    /** The server of this JVM: started on first use, stopped by a shutdown hook; tests must not close it. */
    public static MongoServer shared() {
        MongoServer mongo = shared;
        if (mongo == null) {
            synchronized (MongoServer.class) {
                mongo = shared;
                if (mongo == null) {
                    mongo = start();
                    JvmExit.register(mongo::close);
                    shared = mongo;
                }
            }
        }
        return mongo;
    }

    /** A {@code mongodb://127.0.0.1:<port>} connection string for any MongoDB driver. */
    public String connectionString() {
        return connectionString;
    }

    /** Stops the server; its data lives in memory only and is gone. */
    @Override
    public void close() {
        server.shutdownNow();
    }
}
