package io.lifeboat.testkit.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the fixture's server settings into {@code lifeboat.conf} (included from postgresql.conf) and its
 * pg_hba.conf; see testkit/DESIGN.md for why each setting is there.
 */
final class PostgresConfig {

    static final String FILE = "lifeboat.conf";

    private PostgresConfig() {
    }

    /** Makes postgresql.conf include lifeboat.conf; a standby's copy of postgresql.conf already has the line. */
    static void include(Path dataDir) {
        write(dataDir.resolve("postgresql.conf"), List.of("", "include = '" + FILE + "'"), true);
    }

    /** (Re)writes lifeboat.conf for one instance: its own port, socket directory and WAL archive directory. */
    static void writeInstance(Path dataDir, int port, Path socketDir, Path archiveDir, PostgresOptions options) {
        String archive = archiveDir.toString();
        List<String> lines = new ArrayList<>(List.of(
                "listen_addresses = '127.0.0.1'",
                "port = " + port,
                "unix_socket_directories = '" + socketDir + "'",
                "max_connections = 50",
                "shared_buffers = 32MB",
                "wal_level = logical",
                "max_wal_senders = 10",
                "max_replication_slots = 10",
                "wal_keep_size = 256MB",
                "hot_standby = on",
                "hot_standby_feedback = on",
                "wal_log_hints = on",
                "archive_mode = on",
                "archive_command = 'test ! -f \"" + archive + "/%f\" && cp \"%p\" \"" + archive + "/%f\"'",
                "fsync = " + (options.durable() ? "on" : "off"),
                "synchronous_commit = on",
                "full_page_writes = on",
                "timezone = 'UTC'",
                "log_timezone = 'UTC'",
                "log_line_prefix = '%m [%p] '",
                "lc_messages = 'C'"));
        lines.addAll(options.config());
        write(dataDir.resolve(FILE), lines, false);
    }

    /** Socket connections are trusted (only the server's OS user can reach them); TCP needs the password. */
    static void writeHba(Path dataDir) {
        write(dataDir.resolve("pg_hba.conf"), List.of(
                "# TYPE  DATABASE     USER  ADDRESS        METHOD",
                "local   all          all                  trust",
                "local   replication  all                  trust",
                "host    all          all   127.0.0.1/32   scram-sha-256",
                "host    replication  all   127.0.0.1/32   scram-sha-256"), false);
    }

    private static void write(Path file, List<String> lines, boolean append) {
        try {
            Files.write(file, lines, append
                    ? new StandardOpenOption[]{StandardOpenOption.APPEND}
                    : new StandardOpenOption[]{StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING});
        } catch (IOException e) {
            throw new UncheckedIOException("unable to write PostgreSQL config " + file + ": " + e.getMessage(), e);
        }
    }
}
