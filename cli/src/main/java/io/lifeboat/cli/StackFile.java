package io.lifeboat.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the running demo stack listens ({@code <home>/.lifeboat/stack.properties}: Kafka's bootstrap servers, the
 * catalog's and the scheduler's URLs), written by {@code ./lifeboat demo} once everything is ready and removed when
 * it stops, so that the operator's verbs find a stack whose ports were chosen at start.
 */
public final class StackFile {

    /** Key of Kafka's bootstrap servers. */
    public static final String BOOTSTRAP = "bootstrap";
    /** Key of the catalog's base URL. */
    public static final String CATALOG = "catalog";
    /** Key of the scheduler's base URL. */
    public static final String SCHEDULER = "scheduler";

    private StackFile() {
    }

    /**
     * Returns the stack file of a Lifeboat home.
     *
     * @param home the repository root
     * @return {@code <home>/.lifeboat/stack.properties}
     */
    public static Path of(Path home) {
        return home.resolve(".lifeboat/stack.properties");
    }

    /**
     * Writes the stack file.
     *
     * @param home the repository root
     * @param values the addresses by key
     */
    public static void write(Path home, Map<String, String> values) {
        Properties properties = new Properties();
        properties.putAll(values);
        Path file = of(home);
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file)) {
                properties.store(out, "written by ./lifeboat demo while it runs");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unable to write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes the stack file, if there is one.
     *
     * @param home the repository root
     */
    public static void remove(Path home) {
        try {
            Files.deleteIfExists(of(home));
        } catch (IOException e) {
            System.err.println("unable to remove " + of(home) + ": " + e.getMessage());
        }
    }

    /**
     * Reads one address from the stack file of a home.
     *
     * @param home the repository root, or null when unknown
     * @param key the key
     * @return the address, or empty when no demo stack runs there
     */
    public static Optional<String> read(Path home, String key) {
        if (home == null || !Files.isRegularFile(of(home))) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(of(home))) {
            properties.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(properties.getProperty(key)).filter(value -> !value.isBlank());
    }
}
