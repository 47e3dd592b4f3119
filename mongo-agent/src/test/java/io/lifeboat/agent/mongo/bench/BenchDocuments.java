package io.lifeboat.agent.mongo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.types.ObjectId;

/** The benchmark's documents: order-like records of about 200 bytes, the same in every run. */
final class BenchDocuments {

    private static final String[] WORDS = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima "
            + "mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu").split(" ");
    private static final String[] CITIES = {"berlin", "paris", "lisbon", "oslo", "madrid", "vienna", "prague"};
    private static final String[] STATUSES = {"pending", "paid", "shipped", "refunded"};

    private BenchDocuments() {
    }

    /** {@code docs} documents of about 200 bytes in {@value MongoBench#COLLECTIONS} lists, the same in every run (seed 42). */
    static List<List<RawBsonDocument>> generate(int docs) {
        Random random = new Random(42);
        BsonDocumentCodec codec = new BsonDocumentCodec();
        List<List<RawBsonDocument>> collections = new ArrayList<>();
        for (int c = 0; c < MongoBench.COLLECTIONS; c++) {
            collections.add(new ArrayList<>(docs / MongoBench.COLLECTIONS + 1));
        }
        for (int i = 0; i < docs; i++) {
            collections.get(i % MongoBench.COLLECTIONS).add(new RawBsonDocument(document(i, random), codec));
        }
        return collections;
    }

    /** An order-like record: ObjectId, unique sequence number, strings, a date, an amount, a nested address. */
    private static BsonDocument document(int i, Random random) {
        long millis = 1_700_000_000_000L + random.nextInt(1_000_000_000);
        return new BsonDocument("_id", new BsonObjectId(new ObjectId((int) (millis / 1000), i)))
                .append("seq", new BsonInt32(i))
                .append("customer", new BsonString(WORDS[random.nextInt(WORDS.length)] + "-" + random.nextInt(100_000)))
                .append("status", new BsonString(STATUSES[random.nextInt(STATUSES.length)]))
                .append("amount", new BsonDouble(random.nextInt(1_000_000) / 100.0))
                .append("created", new BsonDateTime(millis))
                .append("items", new BsonInt32(1 + random.nextInt(9)))
                .append("tags", new BsonArray(List.of(new BsonString(WORDS[random.nextInt(WORDS.length)]),
                        new BsonString(WORDS[random.nextInt(WORDS.length)]))))
                .append("address", new BsonDocument("city", new BsonString(CITIES[random.nextInt(CITIES.length)]))
                        .append("zip", new BsonString(String.format("%05d", random.nextInt(100_000)))));
    }
}
