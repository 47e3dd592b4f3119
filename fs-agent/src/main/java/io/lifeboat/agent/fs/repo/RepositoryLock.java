package io.lifeboat.agent.fs.repo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import io.lifeboat.agentkit.storage.NoSuchObjectException;
import io.lifeboat.agentkit.storage.ObjectInfo;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.WriteOptions;

/**
 * A lock on a chunk repository, one object {@code fs/locks/<kind>-<owner>} holding its creation time: backups hold
 * shared locks, a sweep holds the exclusive one. A lock older than the maximum age is stale and ignored. Acquiring
 * writes the own lock first and then lists the others, so of two racing acquirers at least one sees the other.
 */
public final class RepositoryLock implements AutoCloseable {

    /** The two kinds of lock. */
    public enum Kind {
        /** Held by a backup: many at once; keeps sweeps out. */
        SHARED("shared"),
        /** Held by a sweep: alone; keeps backups and other sweeps out. */
        EXCLUSIVE("exclusive");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The key prefix of this kind: {@code shared} or {@code exclusive}. */
        public String label() {
            return label;
        }
    }

    private static final String FORMAT = "lifeboat-fs-lock/v1";

    private final ObjectStore store;
    private final String key;

    private RepositoryLock(ObjectStore store, String key) {
        this.store = store;
        this.key = key;
    }

    /**
     * Takes a {@code kind} lock for {@code owner}; throws {@link RepositoryLockedException} naming the holder when a
     * fresh conflicting lock exists (an exclusive one for a shared lock; any other for the exclusive one).
     */
    public static RepositoryLock acquire(ObjectStore store, RepositoryLayout layout, Kind kind, String owner,
            Duration maxAge, Clock clock) throws IOException {
        String key = layout.lock(kind, owner);
        Instant now = clock.instant();
        byte[] body = (FORMAT + "\nkind=" + kind.label() + "\nowner=" + owner + "\ncreated=" + now + "\n")
                .getBytes(StandardCharsets.UTF_8);
        store.put(key, body, WriteOptions.HOT);
        try {
            for (ObjectInfo other : store.list(layout.lockPrefix())) {
                if (other.key().equals(key)) {
                    continue;
                }
                String name = other.key().substring(layout.lockPrefix().length());
                boolean exclusive = name.startsWith(Kind.EXCLUSIVE.label() + "-");
                if (kind == Kind.SHARED && !exclusive) {
                    continue;
                }
                Optional<Instant> created = created(store, other);
                if (created.isPresent() && Duration.between(created.get(), now).compareTo(maxAge) < 0) {
                    throw new RepositoryLockedException("repository '" + layout.lockPrefix() + "' in "
                            + store.location() + " is locked: cannot take a " + kind.label() + " lock for '" + owner
                            + "' while " + (exclusive ? "exclusive" : "shared") + " lock '" + other.key()
                            + "' is held by '" + ownerOf(name) + "' since " + created.get()
                            + " (locks older than " + maxAge + " are ignored)");
                }
            }
        } catch (IOException | RuntimeException e) {
            store.delete(key);
            throw e;
        }
        return new RepositoryLock(store, key);
    }

    /** The key of this lock's object. */
    public String key() {
        return key;
    }

    /** Releases the lock by deleting its object. */
    @Override
    public void close() throws IOException {
        store.delete(key);
    }

    private static String ownerOf(String name) {
        int dash = name.indexOf('-');
        return dash < 0 ? name : name.substring(dash + 1);
    }

    // The time written in the lock; the object's own time when the body is unreadable; empty when it vanished.
    private static Optional<Instant> created(ObjectStore store, ObjectInfo info) throws IOException {
        try (InputStream in = store.open(info.key())) {
            String body = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            for (String line : body.split("\n")) {
                if (line.startsWith("created=")) {
                    return Optional.of(Instant.parse(line.substring("created=".length())));
                }
            }
        } catch (NoSuchObjectException e) {
            return Optional.empty();
        } catch (DateTimeParseException e) {
            // Fall through to the object's time.
        }
        return Optional.ofNullable(info.lastModified());
    }
}
