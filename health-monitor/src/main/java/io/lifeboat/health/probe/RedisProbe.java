package io.lifeboat.health.probe;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.redisson.client.RedisClient;
import org.redisson.client.RedisClientConfig;
import org.redisson.client.RedisConnection;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.RedisCommands;

import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.resolver.DefaultAddressResolverGroup;
import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * PINGs a Redis server, reads its role from {@code INFO replication} and, when it has a {@code maxmemory}, its
 * memory use from {@code INFO memory}. Redisson 3.52's low-level {@link RedisClient} and {@link RedisConnection}
 * with {@link RedisCommands#PING}, {@link RedisCommands#INFO_REPLICATION} and {@link RedisCommands#INFO_MEMORY}: one
 * plain connection per check, no connection pool or cluster topology to keep (3.52 has no ROLE command constant).
 */
final class RedisProbe extends TimedProbe {

    private final String address;
    private final String user;
    private final String password;

    RedisProbe(String name, String address, String instance, String user, String password) {
        super(name, instance);
        this.address = address;
        this.user = user;
        this.password = password;
    }

    @Override
    Outcome check(Attempt attempt) throws Exception {
        RedisClientConfig config = new RedisClientConfig()
                .setAddress(address)
                .setClientName("lifeboat-health-monitor")
                .setConnectTimeout(attempt.timeoutMillis())
                .setCommandTimeout(attempt.timeoutMillis())
                // The JDK's resolver: Redisson would otherwise probe for netty's native DNS transports.
                .setResolverGroup(DefaultAddressResolverGroup.INSTANCE)
                // Shared threads: a client owning its event loop waits out netty's quiet period on shutdown.
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
            attempt.step("connect");
            RedisConnection connection = client.connect();
            try {
                attempt.step("PING");
                String pong = connection.sync(StringCodec.INSTANCE, RedisCommands.PING);
                if (!"PONG".equalsIgnoreCase(pong)) {
                    throw new ProbeFailure("PING on " + instance() + " answered '" + pong + "', not PONG");
                }
                attempt.step("INFO replication");
                Map<String, String> replication = connection.sync(StringCodec.INSTANCE,
                        RedisCommands.INFO_REPLICATION);
                attempt.step("INFO memory");
                Map<String, String> memory = connection.sync(StringCodec.INSTANCE, RedisCommands.INFO_MEMORY);
                return new Outcome(replication.get("role"), null, memoryUsage(memory));
            } finally {
                connection.closeAsync();
            }
        } finally {
            client.shutdownAsync();
        }
    }

    private List<ResourceUsage> memoryUsage(Map<String, String> memory) {
        long max = number(memory.get("maxmemory"));
        if (max <= 0) {
            // No limit: Redis grows until the host runs out, which a host-memory probe watches instead.
            return List.of();
        }
        long used = number(memory.get("used_memory"));
        return List.of(Usages.memory(instance(), used, max, "used of maxmemory on " + instance()));
    }

    private static long number(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The event loop, timer and executor all Redis probes share; daemon threads, created on first use. */
    private static final class Shared {

        static final NioEventLoopGroup GROUP = new NioEventLoopGroup(1, new DefaultThreadFactory("lifeboat-probe-redis",
                true));
        static final HashedWheelTimer TIMER = new HashedWheelTimer(new DefaultThreadFactory(
                "lifeboat-probe-redis-timer", true));
        static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(new DefaultThreadFactory(
                "lifeboat-probe-redis-callback", true));
    }
}
