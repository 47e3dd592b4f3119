package io.lifeboat.agent.mongo.restore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Index builds of loaded collections, run one after the other on their own thread so that the next collection's
 * documents are inserted meanwhile; {@link #awaitAll()} waits for every build submitted and fails with the first
 * failure, naming its collection.
 */
final class IndexBuilds implements AutoCloseable {

    /** One index build: the {@code createIndexes} of one collection. */
    interface Build {
        void run() throws Exception;
    }

    private final ExecutorService executor;
    private final List<Future<?>> pending = new ArrayList<>();
    private final List<String> namespaces = new ArrayList<>();
    private final String destination;

    /** Builds into {@code destination}, which failures name. */
    IndexBuilds(String destination) {
        this.destination = destination;
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lifeboat-mongo-index-builds");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Queues the index build of {@code namespace}. */
    void submit(String namespace, Build build) {
        namespaces.add(namespace);
        pending.add(executor.submit(() -> {
            build.run();
            return null;
        }));
    }

    /** Waits for every queued build; throws the first failure, naming its collection. */
    void awaitAll() throws Exception {
        try {
            for (int i = 0; i < pending.size(); i++) {
                try {
                    pending.get(i).get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    throw new IllegalStateException("unable to build the indexes of " + namespaces.get(i) + " in "
                            + destination + ": " + cause.getMessage(), cause);
                }
            }
        } finally {
            pending.clear();
            namespaces.clear();
        }
    }

    /** Stops the builder; builds still running are interrupted. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
