package io.lifeboat.agent.mongo.oplog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;

import io.lifeboat.testkit.mongo.MongoServer;

/** Applies the golden oplog entries of {@code oplog-golden/} (MongoDB 6.0/7.0 shapes) to mongo-java-server. */
class OplogGoldenReplayTest {

    private static MongoServer server;
    private static MongoClient client;
    private OplogApplier applier;

    @BeforeAll
    static void startServer() {
        server = MongoServer.start();
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.close();
    }

    @BeforeEach
    void emptyDatabase() {
        Publishers.all(client.getDatabase("shop").drop());
        applier = new OplogApplier(client);
    }

    static BsonDocument golden(String name) throws IOException {
        try (InputStream in = OplogGoldenReplayTest.class.getResourceAsStream("/oplog-golden/" + name + ".json")) {
            assertThat(in).as("golden entry " + name).isNotNull();
            return BsonDocument.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static MongoCollection<BsonDocument> collection(String name) {
        return client.getDatabase("shop").getCollection(name, BsonDocument.class);
    }

    private static List<BsonDocument> all(String name) {
        return Publishers.all(collection(name).find());
    }

    private static void seed(String json) {
        Publishers.all(collection("orders").insertOne(BsonDocument.parse(json)));
    }

    private static List<String> collections() {
        return Publishers.all(client.getDatabase("shop").listCollectionNames());
    }

    @Test
    void insertCreatesTheDocumentAndIsIdempotent() throws IOException {
        applier.apply(golden("insert"));
        applier.apply(golden("insert"));

        assertThat(all("orders")).containsExactly(BsonDocument.parse("{_id: 1, item: 'apple', qty: 5}"));
    }

    @Test
    void diffUpdateSetsAFieldInPlaceAndAppendsANewOne() throws IOException {
        seed("{_id: 1, item: 'apple', qty: 5}");

        applier.apply(golden("update-diff-set"));

        assertThat(all("orders").get(0).toJson()).isEqualTo(BsonDocument.parse(
                "{_id: 1, item: 'apple', qty: 6, status: 'paid'}").toJson());
    }

    @Test
    void diffUpdateUnsetsAField() throws IOException {
        seed("{_id: 1, item: 'apple', note: 'fragile'}");

        applier.apply(golden("update-diff-unset"));

        assertThat(all("orders")).containsExactly(BsonDocument.parse("{_id: 1, item: 'apple'}"));
    }

    @Test
    void diffUpdateChangesANestedDocument() throws IOException {
        seed("{_id: 1, address: {city: 'Oslo', floor: 3}}");

        applier.apply(golden("update-diff-nested"));

        assertThat(all("orders")).containsExactly(BsonDocument.parse(
                "{_id: 1, address: {city: 'Bergen', zip: '5003'}}"));
    }

    @Test
    void diffUpdateAppendsToAnArrayAndUpdatesAnElementThenResizesIt() throws IOException {
        seed("{_id: 1, tags: ['red', 'fruit'], lines: [{sku: 'a', qty: 1}, {sku: 'b', qty: 2}]}");

        applier.apply(golden("update-diff-array"));
        assertThat(all("orders")).containsExactly(BsonDocument.parse(
                "{_id: 1, tags: ['red', 'fruit', 'gift'], lines: [{sku: 'a', qty: 3}, {sku: 'b', qty: 2}]}"));

        applier.apply(golden("update-diff-array-resize"));
        assertThat(all("orders")).containsExactly(BsonDocument.parse(
                "{_id: 1, tags: ['red'], lines: [{sku: 'a', qty: 3}, {sku: 'b', qty: 2}]}"));
    }

    @Test
    void diffUpdateOfAMissingDocumentIsSkippedAndCounted() throws IOException {
        applier.apply(golden("update-diff-set"));

        assertThat(all("orders")).isEmpty();
        assertThat(applier.skippedUpdates()).isEqualTo(1);
    }

    @Test
    void replacementUpdateReplacesTheWholeDocument() throws IOException {
        seed("{_id: 1, item: 'apple', qty: 5, note: 'x'}");

        applier.apply(golden("update-replacement"));

        assertThat(all("orders")).containsExactly(BsonDocument.parse("{_id: 1, item: 'pear', qty: 2}"));
    }

    @Test
    void legacySetUnsetUpdateIsAppliedWithItsOperators() throws IOException {
        seed("{_id: 1, qty: 5, note: 'x'}");

        applier.apply(golden("update-set-v1"));

        assertThat(all("orders")).containsExactly(BsonDocument.parse("{_id: 1, qty: 9}"));
    }

    @Test
    void deleteRemovesTheDocument() throws IOException {
        seed("{_id: 1, item: 'apple'}");
        seed("{_id: 2, item: 'plum'}");

        applier.apply(golden("delete"));

        assertThat(all("orders")).containsExactly(BsonDocument.parse("{_id: 2, item: 'plum'}"));
    }

    @Test
    void createIndexRenameAndDropFollowEachOther() throws IOException {
        applier.apply(golden("create"));
        assertThat(collections()).contains("invoices");
        applier.apply(golden("create"));

        applier.apply(golden("create-indexes"));
        List<String> indexes = Publishers.all(collection("invoices").listIndexes(BsonDocument.class)).stream()
                .map(i -> i.getString(
                        "name").getValue())
                .toList();
        assertThat(indexes).contains("number_1");

        Publishers.all(collection("invoices").insertOne(BsonDocument.parse("{_id: 7, number: 'F-7'}")));
        applier.apply(golden("rename-collection"));
        assertThat(collections()).contains("invoices_2025").doesNotContain("invoices");
        assertThat(all("invoices_2025")).containsExactly(BsonDocument.parse("{_id: 7, number: 'F-7'}"));

        applier.apply(golden("drop"));
        assertThat(collections()).doesNotContain("invoices_2025");
        applier.apply(golden("drop"));
    }

    @Test
    void commitIndexBuildCreatesTheIndex() throws IOException {
        seed("{_id: 1, item: 'apple'}");

        applier.apply(golden("commit-index-build"));

        assertThat(Publishers.all(collection("orders").listIndexes(BsonDocument.class)).stream()
                .map(i -> i.getString("name")
                        .getValue()))
                .contains("item_1");
    }

    @Test
    void dropDatabaseRemovesEveryCollection() throws IOException {
        seed("{_id: 1}");

        applier.apply(golden("drop-database"));

        assertThat(collections()).isEmpty();
    }

    @Test
    void transactionAppliesEveryNestedOperationInOrder() throws IOException {
        seed("{_id: 1, item: 'apple'}");

        applier.apply(golden("apply-ops-transaction"));

        assertThat(all("orders")).containsExactly(BsonDocument.parse("{_id: 2, item: 'plum'}"));
    }

    @Test
    void partialTransactionWaitsForItsLastApplyOps() throws IOException {
        BsonDocument whole = golden("apply-ops-transaction");
        BsonDocument first = whole.clone();
        first.getDocument("o").put("applyOps", new org.bson.BsonArray(List.of(whole.getDocument("o").getArray(
                "applyOps").get(0))));
        first.getDocument("o").put("partialTxn", org.bson.BsonBoolean.TRUE);
        BsonDocument last = whole.clone();
        last.getDocument("o").put("applyOps", new org.bson.BsonArray(List.of(whole.getDocument("o").getArray(
                "applyOps").get(1))));
        seed("{_id: 1, item: 'apple'}");

        applier.apply(first);
        assertThat(all("orders")).containsExactly(BsonDocument.parse("{_id: 1, item: 'apple'}"));
        applier.apply(last);
        assertThat(all("orders")).containsExactly(BsonDocument.parse("{_id: 2, item: 'plum'}"));
    }

    @Test
    void noOpIsSkippedAndUnknownOpsAndCommandsNameTheEntry() throws IOException {
        applier.apply(
                BsonDocument.parse("{op: 'n', ns: '', o: {msg: 'periodic noop'}, ts: {$timestamp: {t: 5, i: 1}}}"));

        assertThatThrownBy(() -> applier.apply(BsonDocument.parse(
                "{op: 'x', ns: 'shop.orders', o: {}, ts: {$timestamp: {t: 5, i: 2}}}")))
                .isInstanceOf(OplogApplyException.class).hasMessageContaining("'x'").hasMessageContaining("5:2");
        assertThatThrownBy(() -> applier.apply(BsonDocument.parse(
                "{op: 'c', ns: 'shop.$cmd', o: {reshardCollection: 'shop.orders'}, ts: {$timestamp: {t: 5, i: 3}}}")))
                .isInstanceOf(OplogApplyException.class).hasMessageContaining("'reshardCollection'")
                .hasMessageContaining("5:3");
    }

    @Test
    void aScopeRenamesDatabasesAndPassesOverWhatItExcludes() throws IOException {
        Publishers.all(client.getDatabase("r_shop").drop());
        OplogApplier scoped = new OplogApplier(client, new NamespaceScope(List.of("shop"), List.of("shop.audit"),
                db -> "r_" + db));
        BsonDocument excluded = golden("insert");
        excluded.put("ns", new org.bson.BsonString("shop.audit"));
        BsonDocument otherDatabase = golden("insert");
        otherDatabase.put("ns", new org.bson.BsonString("crm.orders"));

        scoped.apply(golden("insert"));
        scoped.apply(excluded);
        scoped.apply(otherDatabase);
        scoped.apply(golden("create"));
        scoped.apply(golden("rename-collection"));
        scoped.apply(golden("apply-ops-transaction"));

        assertThat(scoped.outOfScope()).isEqualTo(2);
        assertThat(collections()).isEmpty();
        assertThat(Publishers.all(client.getDatabase("r_shop").listCollectionNames())).containsExactlyInAnyOrder(
                "orders", "invoices_2025");
        assertThat(Publishers.all(client.getDatabase("r_shop").getCollection("orders", BsonDocument.class).find()))
                .containsExactly(BsonDocument.parse("{_id: 2, item: 'plum'}"));
        Publishers.all(client.getDatabase("r_shop").drop());
    }

    @Test
    void aRenameIntoTheScopeFromOutsideItIsRefused() throws IOException {
        OplogApplier scoped = new OplogApplier(client, new NamespaceScope(List.of("shop"), List.of(), db -> db));
        BsonDocument rename = golden("rename-collection");
        rename.getDocument("o").put("renameCollection", new org.bson.BsonString("staging.invoices"));

        assertThatThrownBy(() -> scoped.apply(rename)).isInstanceOf(OplogApplyException.class)
                .hasMessageContaining("staging.invoices").hasMessageContaining("never backed up");
    }
}
