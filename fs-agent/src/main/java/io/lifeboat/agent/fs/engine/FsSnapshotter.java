package io.lifeboat.agent.fs.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.lifeboat.agent.fs.chunk.FastCdc;
import io.lifeboat.agent.fs.config.FsTarget;
import io.lifeboat.agent.fs.repo.ChunkId;
import io.lifeboat.agent.fs.repo.Repository;
import io.lifeboat.agent.fs.tree.ChangeCache;
import io.lifeboat.agent.fs.tree.Node;
import io.lifeboat.agent.fs.tree.NodeType;
import io.lifeboat.agent.fs.tree.Problem;
import io.lifeboat.agent.fs.tree.Selection;
import io.lifeboat.agent.fs.tree.SnapshotTreeWriter;
import io.lifeboat.agent.fs.tree.StableRead;
import io.lifeboat.agent.fs.tree.TreeHeader;
import io.lifeboat.agent.fs.tree.TreeTrailer;
import io.lifeboat.agent.fs.tree.TreeWalker;
import io.lifeboat.agent.fs.tree.WalkEntry;

/**
 * Takes one snapshot of a directory tree: walks it, reuses the chunk lists of files the previous snapshot saw with
 * the same size, mtime and inode, reads the others on {@code readers} threads (chunked, each new chunk stored once
 * in the repository) and writes the snapshot tree in walk order to the backup's stream; files that vanish or change
 * while read are listed as problems, so the snapshot completes partially failed instead of failing.
 */
final class FsSnapshotter {

    private static final Logger LOG = Logger.getLogger(FsSnapshotter.class);
    // Entries written to the tree wait for the oldest pending read; this bounds how far the walk runs ahead.
    private static final int WINDOW = 4096;

    private final FsTarget target;
    private final Repository repository;
    // FastCdc reuses its read buffer: one per reader thread.
    private final ThreadLocal<FastCdc> chunkers;
    private final ChangeCache cache;
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong filesRead = new AtomicLong();
    private long filesUnchanged;
    private long bytesUnchanged;

    /**
     * A snapshotter of {@code target} into {@code repository}.
     *
     * @param chunkers makes the chunker of each reader thread
     * @param cache what the previous snapshot knew; {@link ChangeCache#empty()} reads every file
     */
    FsSnapshotter(FsTarget target, Repository repository, Supplier<FastCdc> chunkers, ChangeCache cache) {
        this.target = target;
        this.repository = repository;
        this.chunkers = ThreadLocal.withInitial(chunkers);
        this.cache = cache;
    }

    /** Writes the snapshot tree to {@code out} and returns what it found, for the manifest. */
    SnapshotSummary snapshot(OutputStream out) throws Exception {
        SnapshotTreeWriter writer = new SnapshotTreeWriter(out, TreeHeader.of(target.path().toString(), Instant
                .now(), host()));
        List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
        ExecutorService readers = Executors.newFixedThreadPool(target.readers(), runnable -> {
            Thread thread = new Thread(runnable, "lifeboat-fs-reader");
            thread.setDaemon(true);
            return thread;
        });
        Deque<CompletableFuture<Node>> window = new ArrayDeque<>();
        List<Problem> walkProblems;
        try {
            TreeWalker walker = new TreeWalker(target.path(), Selection.of(target.include(), target.exclude()),
                    target.oneFileSystem());
            walkProblems = walker.walk(entry -> {
                window.add(plan(entry, readers, problems));
                try {
                    drain(window, writer, WINDOW);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            drain(window, writer, 0);
            repository.flush();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        } finally {
            readers.shutdownNow();
        }
        List<Problem> all = new ArrayList<>(walkProblems);
        all.addAll(problems);
        TreeTrailer trailer = writer.finish(all);
        return new SnapshotSummary(trailer, filesRead.get(), bytesRead.get(), filesUnchanged, bytesUnchanged,
                repository.stats());
    }

    private CompletableFuture<Node> plan(WalkEntry entry, ExecutorService readers, List<Problem> problems) {
        if (entry.type() != NodeType.FILE) {
            return CompletableFuture.completedFuture(entry.toNode(List.of()));
        }
        var known = cache.unchanged(entry);
        if (known.isPresent()) {
            filesUnchanged++;
            bytesUnchanged += entry.size();
            return CompletableFuture.completedFuture(entry.toNode(known.get()));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return read(entry, problems);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, readers);
    }

    /** Reads and chunks one file; null when it could not be read at all (it is then left out, as a problem). */
    private Node read(WalkEntry entry, List<Problem> problems) throws IOException {
        StableRead.Outcome<List<String>> outcome = StableRead.read(entry, in -> {
            List<String> chunks = new ArrayList<>();
            chunkers.get().split(in, (buffer, offset, length) -> {
                ChunkId id = repository.id(buffer, offset, length);
                repository.add(id, buffer, offset, length);
                chunks.add(id.hex());
            });
            return chunks;
        });
        outcome.problem().ifPresent(problems::add);
        filesRead.incrementAndGet();
        bytesRead.addAndGet(outcome.bytesRead());
        if (outcome.value() == null) {
            return null;
        }
        Node node = entry.toNode(outcome.value());
        return outcome.isClean() ? node : node.withContent(outcome.value(), outcome.bytesRead());
    }

    /** Writes finished entries from the head of the window, waiting for the head while more than {@code keep} wait. */
    private static void drain(Deque<CompletableFuture<Node>> window, SnapshotTreeWriter writer, int keep)
            throws IOException {
        while (!window.isEmpty() && (window.peekFirst().isDone() || window.size() > keep)) {
            Node node;
            try {
                node = window.pollFirst().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("snapshot interrupted");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof java.io.UncheckedIOException unchecked) {
                    throw unchecked.getCause();
                }
                throw new IOException(cause.getMessage(), cause);
            }
            if (node != null) {
                writer.write(node);
            }
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Reports a finished snapshot's size to the log. */
    static void log(FsTarget target, SnapshotSummary summary) {
        LOG.infof("snapshot of %s: %s", target.describe(), summary.describe());
    }
}
