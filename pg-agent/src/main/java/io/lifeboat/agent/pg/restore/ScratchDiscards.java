package io.lifeboat.agent.pg.restore;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The pending {@link ScratchDiscard}s, one properties file each in {@code <scratch-dir>/discards/}, named by the
 * SHA-256 of the data directory: at most one entry per directory, and they outlive an agent restart.
 */
final class ScratchDiscards {

    private static final String SUFFIX = ".properties";

    private final Path dir;

    /** The entries under {@code scratchDir/discards}. */
    ScratchDiscards(Path scratchDir) {
        this.dir = scratchDir.resolve("discards");
    }

    /** Records {@code discard}, replacing an entry of the same directory; the file appears whole or not at all. */
    void record(ScratchDiscard discard) throws IOException {
        Files.createDirectories(dir);
        Properties properties = new Properties();
        properties.setProperty("dataDir", discard.dataDir().toString());
        properties.setProperty("discardAt", discard.discardAt().toString());
        discard.osUser().ifPresent(user -> properties.setProperty("osUser", user));
        properties.setProperty("pgCtl", discard.pgCtl().toString());
        properties.setProperty("commandId", discard.commandId());
        Path file = fileOf(discard.dataDir());
        Path temp = dir.resolve("." + file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            properties.store(out, "Lifeboat: stop the restored server and remove its directory at discardAt");
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Removes the entry of {@code dataDir}, if any. */
    void cancel(Path dataDir) throws IOException {
        Files.deleteIfExists(fileOf(dataDir));
    }

    /** The entry of {@code dataDir}, if one is recorded. */
    Optional<ScratchDiscard> find(Path dataDir) throws IOException {
        Path file = fileOf(dataDir);
        return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /** Every entry file, oldest name first; none when the directory does not exist yet. */
    List<Path> files() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    /** Reads one entry file; a file that is not a complete entry fails naming the file and what is wrong. */
    ScratchDiscard read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("discard entry " + file + " is unreadable: " + e.getMessage(), e);
        }
        Path dataDir = Path.of(required(file, properties, "dataDir"));
        if (!dataDir.isAbsolute() || dataDir.getNameCount() == 0) {
            throw new IOException("discard entry " + file + " names '" + dataDir + "', not an absolute data directory");
        }
        try {
            return new ScratchDiscard(dataDir.normalize(),
                    Instant.parse(required(file, properties, "discardAt")),
                    Optional.ofNullable(properties.getProperty("osUser")).filter(user -> !user.isBlank()),
                    Path.of(required(file, properties, "pgCtl")), required(file, properties, "commandId"));
        } catch (DateTimeParseException e) {
            throw new IOException("discard entry " + file + " has a discardAt that is not an instant: "
                    + e.getParsedString(), e);
        }
    }

    /** Deletes one entry file. */
    void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    private static String required(Path file, Properties properties, String key) throws IOException {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IOException("discard entry " + file + " has no " + key);
        }
        return value.strip();
    }

    Path fileOf(Path dataDir) {
        return dir.resolve(sha256(dataDir.toAbsolutePath().normalize().toString()) + SUFFIX);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
