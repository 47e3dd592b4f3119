package io.lifeboat.agent.mongo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

import io.lifeboat.agent.mongo.oplog.OplogPosition;

class IdDigestTest {

    @Test
    void theSameIdsInAnotherOrderGiveTheSameDigest() {
        IdDigest forward = digest(new BsonInt32(1), new BsonString("a"), new BsonInt32(3));
        IdDigest backward = digest(new BsonInt32(3), new BsonString("a"), new BsonInt32(1));

        assertThat(forward.hex()).hasSize(64).isEqualTo(backward.hex());
        assertThat(forward.count()).isEqualTo(3);
    }

    @Test
    void aMissingADuplicatedOrARetypedIdChangesTheDigest() {
        String all = digest(new BsonInt32(1), new BsonInt32(2)).hex();

        assertThat(digest(new BsonInt32(1)).hex()).isNotEqualTo(all);
        assertThat(digest(new BsonInt32(1), new BsonInt32(2), new BsonInt32(2)).hex()).isNotEqualTo(all);
        assertThat(digest(new BsonInt32(1), new BsonInt64(2)).hex()).isNotEqualTo(all);
    }

    @Test
    void oplogPositionsParseCompareAndPrint() {
        OplogPosition position = OplogPosition.parse("1795316184:6");

        assertThat(position.toString()).isEqualTo("1795316184:6");
        assertThat(OplogPosition.of(position.toBsonTimestamp())).isEqualTo(position);
        assertThat(position).isLessThan(OplogPosition.parse("1795316184:7")).isGreaterThan(
                OplogPosition.parse("1795316183:99"));
        assertThatThrownBy(() -> OplogPosition.parse("0/3000060")).hasMessageContaining("not an oplog position");
    }

    private static IdDigest digest(org.bson.BsonValue... ids) {
        IdDigest digest = new IdDigest();
        for (org.bson.BsonValue id : ids) {
            digest.addId(id);
        }
        return digest;
    }
}
