package io.lifeboat.agent.pg.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import io.lifeboat.testkit.process.Command;
import io.lifeboat.testkit.process.FreePorts;
import io.lifeboat.testkit.process.OsUser;
import io.lifeboat.testkit.process.TempDirs;

/**
 * A second PostgreSQL server started on a data directory unpacked from a base-backup tar, with the port, socket and
 * archiving of the original overridden on the command line (the tar carries the original's configuration).
 */
final class RestoredCluster implements AutoCloseable {

    private static final OsUser POSTGRES = new OsUser("postgres");

    private final Path binDir;
    private final Path root;
    private final Path data;
    private final int port;

    private RestoredCluster(Path binDir, Path root) {
        this(binDir, root, root.resolve("data"));
    }

    private RestoredCluster(Path binDir, Path root, Path data) {
        this.binDir = binDir;
        this.root = root;
        this.data = data;
        this.port = FreePorts.find();
    }

    /** Unpacks {@code tar} into a new data directory and starts a server on it, which replays the included WAL. */
    static RestoredCluster startFrom(Path tar, Path binDir) throws Exception {
        RestoredCluster cluster = new RestoredCluster(binDir, TempDirs.create("pg-agent-restored"));
        Files.createDirectory(cluster.data);
        Command.of("tar", "-xf", tar.toString(), "-C", cluster.data.toString()).runChecked("unpack " + tar);
        Files.setPosixFilePermissions(cluster.data, PosixFilePermissions.fromString("rwx------"));
        POSTGRES.takeOwnership(cluster.root);
        Command.of(binDir.resolve("pg_ctl").toString(), "-D", cluster.data.toString(), "-l",
                cluster.root.resolve("postgres.log").toString(), "-w", "-t", "60", "-o",
                "-p " + cluster.port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + cluster.root
                        + " -c archive_mode=off",
                "start").as(POSTGRES).in(cluster.root).timeout(Duration.ofSeconds(90))
                .runChecked("start PostgreSQL on the restored data directory " + cluster.data);
        return cluster;
    }

    /** Starts a server on a data directory the agent restored (owned by postgres), on a port of its own. */
    static RestoredCluster startOn(Path dataDir, Path binDir) {
        RestoredCluster cluster = new RestoredCluster(binDir, dataDir.getParent(), dataDir);
        Command.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l",
                dataDir.resolveSibling(dataDir.getFileName() + ".log").toString(), "-w", "-t", "60", "-o",
                "-p " + cluster.port, "start").as(POSTGRES).in(dataDir.getParent()).timeout(Duration.ofSeconds(90))
                .runChecked("start PostgreSQL on the restored data directory " + dataDir);
        return cluster;
    }

    Path dataDir() {
        return data;
    }

    Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, user, password);
    }

    @Override
    public void close() {
        Command.of(binDir.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop")
                .as(POSTGRES).in(root).timeout(Duration.ofSeconds(60)).run();
        TempDirs.deleteRecursively(root);
    }
}
