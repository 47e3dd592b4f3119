package io.lifeboat.cli.chaos.agents;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.bson.Document;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import io.lifeboat.testkit.mongo.MongoServer;
import io.lifeboat.testkit.postgres.PostgresServer;
import io.lifeboat.testkit.redis.RedisServer;

import reactor.core.publisher.Mono;

/**
 * Loads each target with a few tens of MB, so that a backup runs for seconds and can be killed part of the way
 * through: rows in PostgreSQL, keys in Redis, documents in MongoDB, files in a directory tree. Contents are
 * pseudo-random with a fixed seed, compressible about as well as real data.
 */
final class TargetData {

    static final int PG_ROWS = 300_000;
    static final int REDIS_KEYS = 150_000;
    static final int MONGO_DOCUMENTS = 40_000;
    static final int FILES = 40;
    static final int FILE_BYTES = 1 << 20;

    private static final int BATCH = 5_000;
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private TargetData() {
    }

    /** About 60 MB of table in the default database. */
    static void postgres(PostgresServer server) {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE chaos_rows (id bigint PRIMARY KEY, payload text NOT NULL)");
            statement.execute("INSERT INTO chaos_rows SELECT g, md5(g::text) || md5((g * 7)::text) || "
                    + "md5((g * 13)::text) || md5((g * 31)::text) FROM generate_series(1, " + PG_ROWS + ") g");
        } catch (SQLException e) {
            throw new IllegalStateException("unable to load " + PG_ROWS + " rows into PostgreSQL on port "
                    + server.port() + ": " + e.getMessage(), e);
        }
    }

    /** About 40 MB of string keys, sent as pipelined {@code SET}s over one connection. */
    static void redis(RedisServer server) {
        Random random = new Random(7);
        try (Socket socket = new Socket(server.host(), server.port())) {
            socket.setSoTimeout((int) PATIENCE.toMillis());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            for (int from = 0; from < REDIS_KEYS; from += BATCH) {
                int to = Math.min(REDIS_KEYS, from + BATCH);
                for (int i = from; i < to; i++) {
                    out.write(resp("SET", "chaos:" + i, text(random, 256)));
                }
                out.flush();
                for (int i = from; i < to; i++) {
                    String reply = line(in);
                    if (!reply.equals("+OK")) {
                        throw new IOException("SET chaos:" + i + " answered '" + reply + "'");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unable to load " + REDIS_KEYS + " keys into Redis at " + server.uri()
                    + ": " + e.getMessage(), e);
        }
    }

    private static byte[] resp(String... words) {
        StringBuilder command = new StringBuilder("*").append(words.length).append("\r\n");
        for (String word : words) {
            command.append('$').append(word.length()).append("\r\n").append(word).append("\r\n");
        }
        return command.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the server closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /** About 25 MB of documents in one collection. */
    static void mongo(MongoServer server) {
        Random random = new Random(11);
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            for (int from = 0; from < MONGO_DOCUMENTS; from += BATCH) {
                List<Document> documents = new ArrayList<>();
                for (int i = from; i < Math.min(MONGO_DOCUMENTS, from + BATCH); i++) {
                    documents.add(new Document("_id", i).append("name", "item-" + i)
                            .append("body", text(random, 512)).append("rank", random.nextInt(1000)));
                }
                Mono.from(client.getDatabase("chaos").getCollection("items").insertMany(documents)).block(PATIENCE);
            }
        }
    }

    /** {@link #FILES} files of 1 MiB under {@code dir}, in a few folders. */
    static Path files(Path dir) throws IOException {
        Random random = new Random(13);
        for (int i = 0; i < FILES; i++) {
            Path folder = Files.createDirectories(dir.resolve("folder-" + (i % 4)));
            Files.writeString(folder.resolve("file-" + i + ".txt"), text(random, FILE_BYTES));
        }
        return dir;
    }

    // Letters drawn from 16 symbols: about two to one under zstd, like text and JSON.
    private static String text(Random random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) ('a' + random.nextInt(16));
        }
        return new String(chars);
    }
}
