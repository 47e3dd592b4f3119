package io.lifeboat.agent.mongo.oplog;

import java.time.Instant;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/** Reads the fields every oplog entry has: {@code ts}, {@code op}, {@code ns} and {@code wall}. */
final class OplogEntries {

    private OplogEntries() {
    }

    static OplogPosition ts(BsonDocument entry) {
        BsonValue ts = entry.get("ts");
        if (ts == null || !ts.isTimestamp()) {
            throw new IllegalArgumentException("oplog entry has no timestamp 'ts': " + abbreviate(entry));
        }
        return OplogPosition.of(ts.asTimestamp());
    }

    /** The entry's wall clock time ({@code wall}, MongoDB 4.4 and later), else the seconds of its {@code ts}. */
    static Instant wall(BsonDocument entry) {
        BsonValue wall = entry.get("wall");
        if (wall != null && wall.isDateTime()) {
            return Instant.ofEpochMilli(wall.asDateTime().getValue());
        }
        return Instant.ofEpochSecond(ts(entry).seconds());
    }

    static String op(BsonDocument entry) {
        BsonValue op = entry.get("op");
        return op != null && op.isString() ? op.asString().getValue() : "?";
    }

    static String ns(BsonDocument entry) {
        BsonValue ns = entry.get("ns");
        return ns != null && ns.isString() ? ns.asString().getValue() : "";
    }

    static String abbreviate(BsonDocument entry) {
        String json = entry.toJson();
        return json.length() > 300 ? json.substring(0, 300) + "..." : json;
    }
}
