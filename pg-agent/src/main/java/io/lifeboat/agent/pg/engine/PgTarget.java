package io.lifeboat.agent.pg.engine;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One configured PostgreSQL target with its password resolved; {@link #toString()} never shows the password.
 *
 * @param id target id, as in {@code RunBackup.targetId}
 * @param host server host
 * @param port server port
 * @param database database for connections and logical backups
 * @param user role to connect as
 * @param password password, or empty when the server needs none
 * @param binDir directory of the client tools
 * @param osUser OS account the tools run as, when set and the agent runs as root
 */
public record PgTarget(String id, String host, int port, String database, String user, Optional<String> password,
        Path binDir, Optional<String> osUser) {

    /** The client tool {@code name} in {@link #binDir()}. */
    public String tool(String name) {
        return binDir.resolve(name).toString();
    }

    /** How errors name this target: id and address, never the password. */
    public String describe() {
        return "target '" + id + "' (" + user + "@" + host + ":" + port + "/" + database + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
