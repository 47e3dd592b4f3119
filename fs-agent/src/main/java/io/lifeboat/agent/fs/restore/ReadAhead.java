package io.lifeboat.agent.fs.restore;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.lifeboat.agent.fs.repo.ChunkId;
import io.lifeboat.agent.fs.repo.Repository;
import io.lifeboat.agent.fs.tree.ContentSource;
import io.lifeboat.agent.fs.tree.Node;
import io.lifeboat.agent.fs.tree.NodeType;
import io.lifeboat.agent.fs.tree.SnapshotTreeReader;
import io.lifeboat.agent.fs.tree.TreePaths;

/**
 * File content for a restore, read and decoded ahead on several threads: a planner walks a second copy of the
 * snapshot tree and queues, in the order the restore will ask for them, the chunks of every file it restores, each
 * read (ranged read, AES-GCM, zstd, id check) on a worker; {@link #copy} takes the head of the queue when it is the
 * chunk asked for and otherwise reads the chunk itself, so the content written never depends on the plan.
 */
final class ReadAhead implements ContentSource, AutoCloseable {

    // Chunks queued ahead of the restore: at most this many decoded chunks (up to 4 MiB each by default) wait.
    private static final int AHEAD = 32;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Repository repository;
    private final ExecutorService workers;
    private final BlockingQueue<Ahead> queue = new ArrayBlockingQueue<>(AHEAD);
    private final Thread planner;
    // The restoring thread's side: the chunk taken from the queue and not yet used, and whether the plan ended.
    private Ahead head;
    private boolean ended;

    /** A chunk id with the read that is under way; {@code END} marks the end of the plan. */
    private record Ahead(String chunkId, CompletableFuture<byte[]> bytes) {
    }

    private static final Ahead END = new Ahead("", null);

    /**
     * Starts reading ahead the chunks of the files of {@code tree} under {@code subPath}, in walk order, on
     * {@code threads} workers; {@code tree} is closed when the plan ends.
     */
    ReadAhead(Repository repository, InputStream tree, String subPath, int threads) {
        this.repository = repository;
        this.workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "lifeboat-fs-restore-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.planner = new Thread(() -> plan(tree, subPath), "lifeboat-fs-restore-plan");
        planner.setDaemon(true);
        planner.start();
    }

    private void plan(InputStream tree, String subPath) {
        boolean closed = false;
        try (tree) {
            SnapshotTreeReader reader = new SnapshotTreeReader(tree);
            Optional<Node> next;
            while ((next = reader.next()).isPresent()) {
                Node n = next.get();
                if (n.type() != NodeType.FILE || !TreePaths.isAtOrUnder(n.path(), subPath)) {
                    continue;
                }
                for (String chunk : n.chunks()) {
                    CompletableFuture<byte[]> bytes = CompletableFuture.supplyAsync(() -> {
                        try {
                            return repository.read(ChunkId.parse(chunk));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, workers);
                    queue.put(new Ahead(chunk, bytes));
                }
            }
        } catch (InterruptedException e) {
            closed = true;
        } catch (IOException | RuntimeException e) {
            // The restore's own reader meets the same error in the tree and reports it; the plan just stops.
        }
        try {
            if (!closed) {
                queue.put(END);
            }
        } catch (InterruptedException e) {
            // Closed: nobody waits for the end.
        }
    }

    @Override
    public void copy(List<String> chunkIds, OutputStream out) throws IOException {
        for (String chunk : chunkIds) {
            Ahead ahead = head();
            if (ahead != null && ahead.chunkId().equals(chunk)) {
                head = null;
                out.write(join(ahead.bytes()));
            } else {
                out.write(repository.read(ChunkId.parse(chunk)));
            }
        }
    }

    /** The oldest chunk read ahead and not yet taken, waiting for the planner; null once the plan has ended. */
    private Ahead head() throws InterruptedIOException {
        if (head == null && !ended) {
            try {
                head = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("restore interrupted");
            }
            if (head == END) {
                head = null;
                ended = true;
            }
        }
        return head;
    }

    private static byte[] join(CompletableFuture<byte[]> bytes) throws IOException {
        try {
            return bytes.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("restore interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException unchecked) {
                throw unchecked.getCause();
            }
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** Stops the planner and the workers; chunks read ahead and not taken are dropped. */
    @Override
    public void close() {
        planner.interrupt();
        workers.shutdownNow();
    }
}
