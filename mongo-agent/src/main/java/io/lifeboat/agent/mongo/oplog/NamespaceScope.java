package io.lifeboat.agent.mongo.oplog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Which namespaces of a source a dump holds and an oplog replay applies, and the names their databases get at the
 * destination: the listed databases (none listed: every database but {@code admin}, {@code local} and
 * {@code config}), without {@code system.*} collections and without the excluded {@code db.collection}s.
 *
 * @param databases databases in scope; empty = every database but the server's own
 * @param excludedCollections {@code db.collection} names out of scope
 * @param rename maps a source database name to the destination's (a restore's prefix)
 */
public record NamespaceScope(List<String> databases, List<String> excludedCollections, UnaryOperator<String> rename) {

    /** The server's own databases: never dumped, never replayed. */
    public static final Set<String> SERVER_DATABASES = Set.of("admin", "local", "config");

    /** Copies the lists. */
    public NamespaceScope {
        databases = List.copyOf(databases);
        excludedCollections = List.copyOf(excludedCollections);
    }

    /** Every user database and collection, under its own name. */
    public static NamespaceScope everything() {
        return new NamespaceScope(List.of(), List.of(), UnaryOperator.identity());
    }

    /** This scope with destination database names given by {@code rename}. */
    public NamespaceScope renamed(UnaryOperator<String> rename) {
        return new NamespaceScope(databases, excludedCollections, rename);
    }

    /** Whether database {@code db} is (at least partly) in scope. */
    public boolean includesDatabase(String db) {
        return databases.isEmpty() ? !SERVER_DATABASES.contains(db) : databases.contains(db);
    }

    /** Whether collection {@code collection} of {@code db} is in scope. */
    public boolean includes(String db, String collection) {
        return includesDatabase(db) && !collection.startsWith("system.") && !excludedCollections.contains(db + "."
                + collection);
    }

    /** Whether the namespace {@code db.collection} is in scope. */
    public boolean includes(String namespace) {
        int dot = namespace.indexOf('.');
        return dot > 0 && includes(namespace.substring(0, dot), namespace.substring(dot + 1));
    }

    /** The destination's name for source database {@code db}. */
    public String destination(String db) {
        return rename.apply(db);
    }

    /** The destination's name for source namespace {@code db.collection}. */
    public String destinationNamespace(String namespace) {
        int dot = namespace.indexOf('.');
        return dot < 0 ? destination(namespace) : destination(namespace.substring(0, dot)) + namespace.substring(dot);
    }

    /** The scope as manifest metadata (without the renaming, which belongs to a restore). */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("databases", databases);
        map.put("excludeCollections", excludedCollections);
        return map;
    }

    /** A scope read back from {@link #toMap()}. */
    public static NamespaceScope fromMap(Map<?, ?> map) {
        return new NamespaceScope(strings(map.get("databases")), strings(map.get("excludeCollections")),
                UnaryOperator.identity());
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
