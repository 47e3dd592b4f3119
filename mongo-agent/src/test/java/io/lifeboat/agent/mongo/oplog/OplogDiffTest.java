package io.lifeboat.agent.mongo.oplog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class OplogDiffTest {

    private static BsonDocument apply(String pre, String diff) {
        return OplogDiff.apply(BsonDocument.parse(pre), BsonDocument.parse(diff));
    }

    @Test
    void updatesInPlaceDeletesAndAppendsInserts() {
        BsonDocument post = apply("{_id: 1, a: 1, b: 2, c: 3}", "{d: {b: false}, u: {a: 10}, i: {z: 26}}");

        assertThat(post.toJson()).isEqualTo(BsonDocument.parse("{_id: 1, a: 10, c: 3, z: 26}").toJson());
    }

    @Test
    void descendsIntoSubDocumentsAndArrayElements() {
        BsonDocument post = apply("{_id: 1, address: {city: 'Oslo', floor: 2}, lines: [{qty: 1}, {qty: 2}]}",
                "{saddress: {u: {city: 'Bergen'}, d: {floor: false}}, slines: {a: true, s1: {u: {qty: 5}}}}");

        assertThat(post).isEqualTo(BsonDocument.parse(
                "{_id: 1, address: {city: 'Bergen'}, lines: [{qty: 1}, {qty: 5}]}"));
    }

    @Test
    void resizesArraysAndPadsWithNullWhenAnUpdateIsPastTheEnd() {
        assertThat(apply("{t: [1, 2, 3]}", "{st: {a: true, l: 1}}")).isEqualTo(BsonDocument.parse("{t: [1]}"));
        assertThat(apply("{t: [1]}", "{st: {a: true, u3: 4}}")).isEqualTo(BsonDocument.parse(
                "{t: [1, null, null, 4]}"));
        assertThat(apply("{t: [1, 2]}", "{st: {a: true, l: 3, u2: 3}}")).isEqualTo(BsonDocument.parse(
                "{t: [1, 2, 3]}"));
    }

    @Test
    void refusesSectionsItDoesNotKnow() {
        assertThatThrownBy(() -> apply("{a: 1}", "{b: {a: {$binary: {base64: 'AA==', subType: '00'}}}}"))
                .hasMessageContaining("unsupported section 'b'");
        assertThatThrownBy(() -> apply("{a: 1}", "{sa: {a: true, u0: 1}}")).hasMessageContaining("field 'a'");
    }
}
