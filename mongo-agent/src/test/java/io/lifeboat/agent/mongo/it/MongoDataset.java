package io.lifeboat.agent.mongo.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;

import io.lifeboat.agent.mongo.engine.Pull;

/** Seeds a server with two databases of several BSON types and indexes, and reads a server's state back. */
final class MongoDataset {

    static final int ORDERS = 2_500;

    private MongoDataset() {
    }

    /** Seeds databases {@code <name>_shop} (orders with a unique and a compound index, customers, an empty one) and {@code <name>_crm}. */
    static void seed(String uri, String name) throws Exception {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoDatabase shop = client.getDatabase(name + "_shop");
            Pull.first(shop.createCollection("audit"));
            var orders = shop.getCollection("orders");
            Pull.first(orders.createIndex(Indexes.ascending("sku"), new IndexOptions().unique(true).name("sku_1")));
            Pull.first(orders.createIndex(Indexes.compoundIndex(Indexes.ascending("customer"),
                    Indexes.descending("total")), new IndexOptions().name("customer_1_total_-1")));
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                batch.add(new Document("_id", i).append("sku", "SKU-" + i).append("customer", "c" + (i % 37))
                        .append("total", new Decimal128(i * 3L)).append("lines", List.of(new Document("qty", i % 5)
                                .append("price", i * 0.25)))
                        .append("blob", new Binary(new byte[]{(byte) i, 1, 2})).append("placed",
                                new java.util.Date(1_700_000_000_000L + i)));
                if (batch.size() == 500) {
                    Pull.first(orders.insertMany(batch));
                    batch = new ArrayList<>();
                }
            }
            var customers = shop.getCollection("customers");
            Pull.first(customers.insertMany(List.of(new Document("_id", "alice").append("tags", List.of("a", "b")),
                    new Document("_id", new ObjectId()).append("name", "bob").append("address",
                            new Document("city", "Porto").append("zip", null)),
                    new Document("_id", 3.5).append("name", "carol"))));
            var contacts = client.getDatabase(name + "_crm").getCollection("contacts");
            List<Document> people = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                people.add(new Document("_id", new ObjectId()).append("n", i).append("email", "p" + i + "@x.test"));
            }
            Pull.first(contacts.insertMany(people));
            Pull.first(contacts.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true)
                    .name("email_1")));
        }
    }

    /** Every collection of the databases starting with {@code name}: its documents in _id order, as JSON. */
    static Map<String, List<String>> documents(String uri, String name) throws Exception {
        Map<String, List<String>> state = new TreeMap<>();
        try (MongoClient client = MongoClients.create(uri)) {
            for (String db : Pull.all(client.listDatabaseNames())) {
                if (!db.startsWith(name)) {
                    continue;
                }
                for (String collection : Pull.all(client.getDatabase(db).listCollectionNames())) {
                    List<String> docs = Pull.all(client.getDatabase(db).getCollection(collection).find()
                            .sort(Sorts.ascending("_id"))).stream().map(Document::toJson).toList();
                    state.put(db.substring(name.length()) + "." + collection, docs);
                }
            }
        }
        return state;
    }

    /** The indexes of every collection of the databases starting with {@code name}: name, key and uniqueness. */
    static Map<String, List<String>> indexes(String uri, String name) throws Exception {
        Map<String, List<String>> state = new TreeMap<>();
        try (MongoClient client = MongoClients.create(uri)) {
            for (String db : Pull.all(client.listDatabaseNames())) {
                if (!db.startsWith(name)) {
                    continue;
                }
                for (String collection : Pull.all(client.getDatabase(db).listCollectionNames())) {
                    state.put(db.substring(name.length()) + "." + collection, Pull.all(client.getDatabase(db)
                            .getCollection(collection).listIndexes()).stream().map(i -> i.getString("name") + " "
                                    + i.get("key", Document.class).toJson() + " unique="
                                    + i.getBoolean("unique", false))
                            .sorted().toList());
                }
            }
        }
        return state;
    }
}
