package io.lifeboat.agent.pg.restore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.lifeboat.agent.pg.restore.WalChain.WalFile;
import io.lifeboat.agent.pg.wal.WalStore;

/**
 * Hands archived WAL to a recovering server: a spool directory, a {@code restore_command} script and a fetch thread
 * that decrypts files from the object store into the spool ahead of replay.
 *
 * <p>
 * Why a script and a spool rather than the agent's JVM as {@code restore_command}: PostgreSQL runs the command once
 * per file, and starting a JVM per 16 MiB segment would cost more than replaying it. The script only waits for a
 * file to appear and moves it into place. Protocol: {@code index} lists every name that exists in the archive
 * (anything else exits 1 at once, which PostgreSQL reads as "not archived"); the fetch thread writes
 * {@code ready/<name>} (temp file + rename) in replay order, at most {@code window} files ahead; a file PostgreSQL
 * asks for out of order is requested through {@code want/<name>} and fetched first. A fetch that fails writes
 * {@code failed} with the reason and the script exits 200, which PostgreSQL treats as fatal (exit codes above 125
 * abort recovery), so a corrupt or unreadable segment never silently ends recovery early.
 */
final class WalSpool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WalSpool.class);
    private static final long IDLE_MS = 20;

    private final Path dir;
    private final WalStore store;
    private final WalChain chain;
    private final long segmentSize;
    private final int window;
    private final Deque<WalFile> ahead;
    private final Set<String> fetched = ConcurrentHashMap.newKeySet();
    private final AtomicLong servedBytes = new AtomicLong();
    private final Thread fetcher;
    private volatile String failure;
    private volatile boolean closed;

    private WalSpool(Path dir, WalStore store, WalChain chain, long segmentSize, int window) {
        this.dir = dir;
        this.store = store;
        this.chain = chain;
        this.segmentSize = segmentSize;
        this.window = window;
        this.ahead = new ArrayDeque<>(chain.sequence());
        this.fetcher = new Thread(this::fetchLoop, "lifeboat-wal-spool");
        this.fetcher.setDaemon(true);
    }

    /** Creates the spool in {@code dir} (empty, owned by the server's account) and starts fetching. */
    static WalSpool start(Path dir, WalStore store, WalChain chain, long segmentSize, int window,
            Optional<String> osUser) throws IOException {
        for (String sub : List.of("ready", "want")) {
            Files.createDirectories(dir.resolve(sub));
            // The restore_command runs as the server's account and removes what it took.
            DataDirectory.own(dir.resolve(sub), osUser);
        }
        Files.write(dir.resolve("index"), chain.index().keySet(), StandardCharsets.UTF_8);
        Path script = dir.resolve("restore_wal.sh");
        Files.writeString(script, script(dir), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        WalSpool spool = new WalSpool(dir, store, chain, segmentSize, window);
        spool.fetcher.start();
        return spool;
    }

    /** The {@code restore_command} value for postgresql.auto.conf (single quotes doubled by the caller's writer). */
    String restoreCommand() {
        return dir.resolve("restore_wal.sh") + " %f %p";
    }

    /** Raw bytes of WAL handed to the server so far. */
    long servedBytes() {
        return servedBytes.get();
    }

    /** WAL files (segments and history files) handed to the server so far. */
    long servedFiles() {
        return fetched.size();
    }

    /** Why fetching stopped, or null. */
    String failure() {
        return failure;
    }

    private static String script(Path dir) {
        return """
                #!/bin/sh
                # restore_command of one Lifeboat restore: waits until the pg-agent has fetched the WAL or history
                # file PostgreSQL asks for from the object store into this spool, then moves it into place.
                spool='%s'
                name="$1"
                dest="$2"
                grep -qxF -- "$name" "$spool/index" || exit 1
                [ -e "$spool/ready/$name" ] || : > "$spool/want/$name"
                waited=0
                while [ ! -e "$spool/ready/$name" ]; do
                    if [ -e "$spool/failed" ]; then cat "$spool/failed" >&2; exit 200; fi
                    waited=$((waited + 1))
                    if [ "$waited" -gt 12000 ]; then echo "lifeboat: no answer for $name after 10 minutes" >&2; exit 200; fi
                    sleep 0.05
                done
                # A copy, not a rename: the file in pg_wal must belong to the server's account.
                cp "$spool/ready/$name" "$dest" && rm -f "$spool/ready/$name"
                """
                .formatted(dir);
    }

    private void fetchLoop() {
        try {
            while (!closed) {
                boolean worked = serveWanted();
                if (!worked && readyCount() < window && !ahead.isEmpty()) {
                    WalFile next = ahead.poll();
                    if (!fetched.contains(next.requestName())) {
                        fetch(next);
                    }
                    worked = true;
                }
                if (!worked) {
                    Thread.sleep(IDLE_MS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            failure = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.warnf("WAL fetch for the restore stopped: %s", failure);
            try {
                Files.writeString(dir.resolve("failed"), "lifeboat: " + failure + "\n", StandardCharsets.UTF_8);
            } catch (IOException written) {
                LOG.warnf("unable to tell the restore_command that fetching failed: %s", written.getMessage());
            }
        }
    }

    private boolean serveWanted() throws IOException {
        boolean worked = false;
        try (DirectoryStream<Path> wants = Files.newDirectoryStream(dir.resolve("want"))) {
            for (Path want : wants) {
                String name = want.getFileName().toString();
                WalFile file = chain.index().get(name);
                if (file != null && !Files.exists(dir.resolve("ready").resolve(name))) {
                    fetch(file);
                }
                Files.deleteIfExists(want);
                worked = true;
            }
        }
        return worked;
    }

    private int readyCount() throws IOException {
        try (var files = Files.list(dir.resolve("ready"))) {
            return (int) files.filter(p -> !p.getFileName().toString().startsWith(".")).count();
        }
    }

    private void fetch(WalFile file) throws IOException {
        byte[] raw;
        try {
            raw = store.read(file.timelineHex(), file.objectName());
        } catch (IOException e) {
            throw new IOException("unable to fetch WAL object '" + file.timelineHex() + "/" + file.objectName()
                    + "' for the restore: " + e.getMessage(), e);
        }
        byte[] content = raw;
        if (file.segment() && raw.length < segmentSize) {
            // A .partial holds the filled head only; PostgreSQL expects full-size segment files.
            content = new byte[(int) segmentSize];
            System.arraycopy(raw, 0, content, 0, raw.length);
        }
        Path temp = dir.resolve("ready").resolve("." + file.requestName() + ".tmp");
        Files.write(temp, content);
        Files.move(temp, dir.resolve("ready").resolve(file.requestName()), StandardCopyOption.ATOMIC_MOVE);
        fetched.add(file.requestName());
        servedBytes.addAndGet(raw.length);
    }

    /** Names fetched so far (for logs and tests). */
    List<String> fetchedNames() {
        return List.copyOf(fetched);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        fetcher.interrupt();
        try {
            fetcher.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
