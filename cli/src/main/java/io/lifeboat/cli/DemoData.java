package io.lifeboat.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import io.lifeboat.testkit.mongo.MongoServer;
import io.lifeboat.testkit.postgres.PostgresServer;
import io.lifeboat.testkit.redis.RedisServer;

import reactor.core.publisher.Mono;

/**
 * The demo's data, so that every backup and restore has something to carry: a shop's orders in PostgreSQL, sessions
 * in Redis, products in MongoDB (the directory of files is {@link DemoFiles}).
 */
final class DemoData {

    /** The demo's PostgreSQL table, which the drill's data check counts. */
    static final String ORDERS = "orders";
    static final int ORDER_ROWS = 1_000;
    static final int SESSIONS = 200;
    static final int PRODUCTS = 100;

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private DemoData() {
    }

    /** Loads every target and waits until the standby has the orders too. */
    static void load(PostgresServer primary, PostgresServer standby, RedisServer redis, MongoServer mongo) {
        orders(primary);
        standby.awaitReplayOfPrimary();
        sessions(redis);
        products(mongo);
    }

    private static void orders(PostgresServer primary) {
        try (Connection connection = primary.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + ORDERS + " (id bigserial PRIMARY KEY, customer text NOT NULL, "
                    + "amount numeric(10,2) NOT NULL, note text, placed_at timestamptz NOT NULL DEFAULT now())");
            statement.execute("INSERT INTO " + ORDERS + " (customer, amount, note) SELECT 'customer-' || (g % 97), "
                    + "(g % 500) + 0.99, 'loaded by the demo' FROM generate_series(1, " + ORDER_ROWS + ") g");
        } catch (SQLException e) {
            throw new IllegalStateException("unable to load the demo's orders into PostgreSQL on port "
                    + primary.port() + ": " + e.getMessage(), e);
        }
    }

    private static void sessions(RedisServer redis) {
        Config config = new Config();
        config.useSingleServer().setAddress(redis.uri());
        RedissonClient client = Redisson.create(config);
        try {
            for (int i = 1; i <= SESSIONS; i++) {
                client.getBucket("session:" + i, StringCodec.INSTANCE).set("{\"user\":\"customer-" + (i % 97)
                        + "\",\"cart\":" + (i % 7) + "}");
            }
        } finally {
            client.shutdown();
        }
    }

    private static void products(MongoServer mongo) {
        List<Document> products = new ArrayList<>();
        for (int i = 1; i <= PRODUCTS; i++) {
            products.add(new Document("_id", i).append("name", "product-" + i).append("price", 5 + i % 50)
                    .append("stock", i * 3));
        }
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            Mono.from(client.getDatabase("shop").getCollection("products").insertMany(products)).block(PATIENCE);
        }
    }
}
