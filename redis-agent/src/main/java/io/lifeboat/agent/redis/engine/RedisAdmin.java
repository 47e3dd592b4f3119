package io.lifeboat.agent.redis.engine;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.redisson.api.RFuture;
import org.redisson.client.RedisClient;
import org.redisson.client.RedisClientConfig;
import org.redisson.client.RedisConnection;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.RedisCommand;
import org.redisson.client.protocol.RedisCommands;

import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.resolver.DefaultAddressResolverGroup;
import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * One Redisson connection to a Redis server for the agent's own commands (INFO, CONFIG GET, BGSAVE, DBSIZE, DUMP,
 * RESTORE): Redisson's low-level client, because keys travel as raw bytes and a restore pipelines thousands of
 * commands on one ordered connection.
 */
public final class RedisAdmin implements AutoCloseable {

    private final String address;
    private final RedisClient client;
    private final RedisConnection connection;

    private RedisAdmin(String address, RedisClient client, RedisConnection connection) {
        this.address = address;
        this.client = client;
        this.connection = connection;
    }

    /** Connects (and authenticates) to {@code target}; fails naming the target and the server's answer. */
    public static RedisAdmin connect(RedisTarget target) throws RedisAccessException {
        return connect(target.host(), target.port(), target.user(), target.password(), target.connectTimeout(),
                Duration.ofSeconds(60), target.describe());
    }

    /** Connects to {@code host:port}; {@code what} names the server in errors. */
    public static RedisAdmin connect(String host, int port, String user, String password, Duration connectTimeout,
            Duration commandTimeout, String what) throws RedisAccessException {
        RedisClientConfig config = new RedisClientConfig()
                .setAddress(host, port)
                .setClientName("lifeboat-redis-agent")
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setCommandTimeout((int) commandTimeout.toMillis())
                // The JDK's resolver: Redisson would otherwise pick a DNS resolver by probing for netty's native
                // transports, and the kqueue classes are not on a Linux class path.
                .setResolverGroup(DefaultAddressResolverGroup.INSTANCE)
                // Shared threads: a client that owns them waits out netty's two-second quiet period when it closes.
                .setGroup(Shared.GROUP)
                .setTimer(Shared.TIMER)
                .setExecutor(Shared.EXECUTOR);
        if (password != null) {
            config.setPassword(password);
            if (user != null) {
                config.setUsername(user);
            }
        }
        RedisClient client = RedisClient.create(config);
        try {
            return new RedisAdmin(what, client, client.connect());
        } catch (RuntimeException e) {
            client.shutdown();
            throw new RedisAccessException(what + ": unable to connect and authenticate: " + reason(e), e);
        }
    }

    /** {@code INFO <section>} as a map of field to value (for {@code keyspace}: {@code db0 -> keys=1,...}). */
    public Map<String, String> info(String section) throws RedisAccessException {
        RedisCommand<Map<String, String>> command = switch (section) {
            case "server" -> RedisCommands.INFO_SERVER;
            case "persistence" -> RedisCommands.INFO_PERSISTENCE;
            case "replication" -> RedisCommands.INFO_REPLICATION;
            case "keyspace" -> RedisCommands.INFO_KEYSPACE;
            default -> throw new IllegalArgumentException("INFO section '" + section + "' is not used by the agent");
        };
        return call("INFO " + section, () -> connection.sync(StringCodec.INSTANCE, command));
    }

    /** {@code CONFIG GET <pattern>}: parameter to value. */
    public Map<String, String> config(String pattern) throws RedisAccessException {
        Map<String, String> values = call("CONFIG GET " + pattern,
                () -> connection.sync(StringCodec.INSTANCE, RedisCommands.CONFIG_GET_MAP, pattern));
        return new LinkedHashMap<>(values);
    }

    /** {@code BGSAVE}. */
    public void bgsave() throws RedisAccessException {
        call("BGSAVE", () -> connection.sync(StringCodec.INSTANCE, RedisCommands.BGSAVE));
    }

    /** Key count per database from {@code INFO keyspace} (databases without keys are absent). */
    public Map<Integer, Long> keysPerDb() throws RedisAccessException {
        Map<Integer, Long> keys = new LinkedHashMap<>();
        info("keyspace").forEach((db, stats) -> {
            if (db.startsWith("db")) {
                keys.put(Integer.parseInt(db.substring(2)), RedisInfo.field(stats, "keys"));
            }
        });
        return keys;
    }

    /** {@code FLUSHALL}. */
    public void flushAll() throws RedisAccessException {
        call("FLUSHALL", () -> connection.sync(StringCodec.INSTANCE, RedisCommands.FLUSHALL));
    }

    /** {@code SELECT db} on this connection; later commands go to that database. */
    public void select(int db) throws RedisAccessException {
        call("SELECT " + db, () -> connection.sync(StringCodec.INSTANCE, RedisCommands.SELECT, db));
    }

    /** {@code DUMP key} in the selected database; null when the key does not exist. */
    public byte[] dump(byte[] key) throws RedisAccessException {
        return call("DUMP", () -> connection.sync(ByteArrayCodec.INSTANCE, RedisCommands.DUMP, (Object) key));
    }

    /**
     * Sends {@code RESTORE key expireAt payload ABSTTL} without waiting (0 = no expiry); the future fails with the
     * server's error. Commands on this connection run in the order sent.
     */
    public RFuture<Void> restoreAsync(byte[] key, long expireAtMillis, byte[] payload) {
        return connection.async(ByteArrayCodec.INSTANCE, RedisCommands.RESTORE, key, Math.max(0, expireAtMillis),
                payload, "ABSTTL");
    }

    /** {@code SHUTDOWN NOSAVE}: the server exits; the connection drop that follows is expected. */
    public void shutdownNoSave() {
        try {
            connection.async(StringCodec.INSTANCE, RedisCommands.SHUTDOWN, "NOSAVE").await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The server closes the connection instead of answering.
        }
    }

    @Override
    public void close() {
        try {
            connection.closeAsync().awaitUninterruptibly(2000);
        } finally {
            client.shutdown();
        }
    }

    private <T> T call(String command, Call<T> call) throws RedisAccessException {
        try {
            return call.run();
        } catch (RuntimeException e) {
            throw new RedisAccessException(address + ": " + command + " failed: " + reason(e), e);
        }
    }

    /** The server's or the network's own words, without Redisson's wrapper text where it adds nothing. */
    static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() != null && cause.getMessage().equals(
                cause.getCause().toString())) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    /** The event loop, timer and executor every connection of the agent shares; daemon threads, created on first use. */
    private static final class Shared {

        static final NioEventLoopGroup GROUP = new NioEventLoopGroup(2, new DefaultThreadFactory("lifeboat-redis",
                true));
        static final HashedWheelTimer TIMER = new HashedWheelTimer(new DefaultThreadFactory("lifeboat-redis-timer",
                true));
        static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(new DefaultThreadFactory(
                "lifeboat-redis-callback", true));
    }

    @FunctionalInterface
    private interface Call<T> {
        T run();
    }
}
