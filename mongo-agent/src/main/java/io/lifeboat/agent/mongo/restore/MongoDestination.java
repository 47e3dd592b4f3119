package io.lifeboat.agent.mongo.restore;

/**
 * Where a restore goes, parsed from {@code RestoreBackup.destination}: {@code target:<id>} (a configured target's
 * deployment and credentials) or a {@code mongodb://} / {@code mongodb+srv://} connection string, either optionally
 * followed by {@code prefix=<text>} (after {@code ?} or {@code &}), prepended to every restored database's name.
 *
 * @param targetId the configured target, or null
 * @param uri the connection string without the prefix option, or null
 * @param prefix prepended to each database name; empty = the same names as the source
 */
public record MongoDestination(String targetId, String uri, String prefix) {

    /** The destination database of source database {@code db}. */
    public String database(String db) {
        return prefix + db;
    }

    /** Parses {@code destination}; fails with a message that names it and shows the accepted forms. */
    public static MongoDestination parse(String destination) {
        String rest = destination;
        String prefix = "";
        int at = Math.max(rest.lastIndexOf("?prefix="), rest.lastIndexOf("&prefix="));
        if (at >= 0) {
            prefix = rest.substring(at + "?prefix=".length());
            if (prefix.contains("&")) {
                throw invalid(destination, "prefix must be the last option");
            }
            if (!prefix.matches("[A-Za-z0-9_-]+")) {
                throw invalid(destination, "prefix '" + prefix + "' is not letters, digits, '_' or '-'");
            }
            char separator = rest.charAt(at);
            rest = rest.substring(0, at);
            if (separator == '&') {
                // Other options stay with the connection string.
                rest = rest.endsWith("?") ? rest.substring(0, rest.length() - 1) : rest;
            }
        }
        if (rest.startsWith("target:")) {
            String id = rest.substring("target:".length());
            if (id.isBlank() || id.contains("?")) {
                throw invalid(destination, "no target id after 'target:'");
            }
            return new MongoDestination(id, null, prefix);
        }
        if (rest.startsWith("mongodb://") || rest.startsWith("mongodb+srv://")) {
            return new MongoDestination(null, rest, prefix);
        }
        throw invalid(destination, "not target:<id> or a mongodb:// connection string");
    }

    private static IllegalArgumentException invalid(String destination, String why) {
        String shown = destination.contains("@") ? "(a connection string with credentials)" : "'" + destination + "'";
        return new IllegalArgumentException("restore destination " + shown + " is invalid: " + why
                + " (accepted: target:<id>[?prefix=P], mongodb://host:port[/?options][&prefix=P])");
    }
}
