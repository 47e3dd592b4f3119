package io.lifeboat.agent.mongo.oplog;

import java.util.Map;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonValue;

/**
 * Applies a {@code $v: 2} update's {@code diff} (MongoDB 5.0 and later, {@code document_diff_serialization.h}) to a
 * document: {@code d} deletes fields, {@code u} updates them in place, {@code i} appends fields, {@code s<field>}
 * descends into a sub-document or array; an array diff has {@code a: true}, an optional new length {@code l},
 * {@code u<index>} element updates and {@code s<index>} element sub-diffs.
 */
final class OplogDiff {

    private OplogDiff() {
    }

    /** The post-image: {@code pre} with {@code diff} applied (a new document; {@code pre} is unchanged). */
    static BsonDocument apply(BsonDocument pre, BsonDocument diff) {
        BsonDocument deletes = section(diff, "d");
        BsonDocument updates = section(diff, "u");
        BsonDocument inserts = section(diff, "i");
        for (String key : diff.keySet()) {
            if (!key.equals("d") && !key.equals("u") && !key.equals("i") && !key.startsWith("s")) {
                throw new IllegalArgumentException("unsupported section '" + key + "' in a $v:2 document diff: "
                        + diff.toJson());
            }
        }
        BsonDocument post = new BsonDocument();
        for (Map.Entry<String, BsonValue> field : pre.entrySet()) {
            String name = field.getKey();
            if (deletes.containsKey(name) || inserts.containsKey(name)) {
                // An inserted field that already exists moves to the end, as the server's applier does.
                continue;
            }
            if (updates.containsKey(name)) {
                post.put(name, updates.get(name));
            } else if (diff.containsKey("s" + name)) {
                post.put(name, applySub(field.getValue(), diff.getDocument("s" + name), name));
            } else {
                post.put(name, field.getValue());
            }
        }
        // Updated fields that the pre-image lacks are appended (the server tolerates this when applying the oplog).
        for (Map.Entry<String, BsonValue> update : updates.entrySet()) {
            if (!post.containsKey(update.getKey()) && !deletes.containsKey(update.getKey())) {
                post.put(update.getKey(), update.getValue());
            }
        }
        for (Map.Entry<String, BsonValue> insert : inserts.entrySet()) {
            post.put(insert.getKey(), insert.getValue());
        }
        return post;
    }

    private static BsonValue applySub(BsonValue value, BsonDocument subDiff, String path) {
        boolean arrayDiff = subDiff.containsKey("a") && subDiff.get("a").isBoolean() && subDiff.getBoolean("a")
                .getValue();
        if (arrayDiff) {
            if (!value.isArray()) {
                throw new IllegalArgumentException("array diff for field '" + path + "' which holds a "
                        + value.getBsonType());
            }
            return applyArray(value.asArray(), subDiff, path);
        }
        if (!value.isDocument()) {
            throw new IllegalArgumentException("document diff for field '" + path + "' which holds a "
                    + value.getBsonType());
        }
        return apply(value.asDocument(), subDiff);
    }

    private static BsonArray applyArray(BsonArray pre, BsonDocument diff, String path) {
        BsonArray post = new BsonArray(new java.util.ArrayList<>(pre.getValues()));
        if (diff.containsKey("l")) {
            int length = diff.get("l").asNumber().intValue();
            while (post.size() > length) {
                post.remove(post.size() - 1);
            }
            while (post.size() < length) {
                post.add(BsonNull.VALUE);
            }
        }
        for (Map.Entry<String, BsonValue> entry : diff.entrySet()) {
            String key = entry.getKey();
            if (key.equals("a") || key.equals("l")) {
                continue;
            }
            int index = index(key, path);
            while (post.size() <= index) {
                post.add(BsonNull.VALUE);
            }
            if (key.charAt(0) == 'u') {
                post.set(index, entry.getValue());
            } else if (key.charAt(0) == 's') {
                post.set(index, applySub(post.get(index), entry.getValue().asDocument(), path + "." + index));
            } else {
                throw new IllegalArgumentException("unsupported entry '" + key + "' in the array diff of field '"
                        + path + "': " + diff.toJson());
            }
        }
        return post;
    }

    private static int index(String key, String path) {
        try {
            return Integer.parseInt(key.substring(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("entry '" + key + "' in the array diff of field '" + path
                    + "' names no index", e);
        }
    }

    private static BsonDocument section(BsonDocument diff, String name) {
        BsonValue section = diff.get(name);
        return section == null ? new BsonDocument() : section.asDocument();
    }
}
