package io.lifeboat.agent.mongo.restore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.RawBsonDocument;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.result.InsertManyResult;
import com.mongodb.reactivestreams.client.MongoCollection;

/**
 * Inserts one collection's documents in unordered batches through the reactive driver with at most
 * {@code inFlight} batches outstanding: the reading thread blocks when the server falls behind, so memory holds at
 * most {@code (inFlight + 1) * batchSize} documents.
 */
final class BatchInserter {

    private final MongoCollection<RawBsonDocument> collection;
    private final int batchSize;
    private final int inFlight;
    private final Semaphore permits;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private List<RawBsonDocument> batch;
    private long inserted;

    BatchInserter(MongoCollection<RawBsonDocument> collection, int batchSize, int inFlight) {
        this.collection = collection;
        this.batchSize = batchSize;
        this.inFlight = inFlight;
        this.permits = new Semaphore(inFlight);
        this.batch = new ArrayList<>(batchSize);
    }

    /** Queues one document; sends a batch once it is full. */
    void add(RawBsonDocument document) throws Exception {
        batch.add(document);
        if (batch.size() == batchSize) {
            send();
        }
    }

    /** Sends what is queued and waits for every batch; rethrows the first failure. */
    long finish() throws Exception {
        if (!batch.isEmpty()) {
            send();
        }
        permits.acquire(inFlight);
        permits.release(inFlight);
        rethrow();
        return inserted;
    }

    private void send() throws Exception {
        rethrow();
        permits.acquire();
        List<RawBsonDocument> sending = batch;
        batch = new ArrayList<>(batchSize);
        collection.insertMany(sending, new InsertManyOptions().ordered(false)).subscribe(
                new Subscriber<InsertManyResult>() {
                    @Override
                    public void onSubscribe(Subscription s) {
                        s.request(1);
                    }

                    @Override
                    public void onNext(InsertManyResult result) {
                        synchronized (BatchInserter.this) {
                            inserted += result.getInsertedIds().size();
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        failure.compareAndSet(null, t);
                        permits.release();
                    }

                    @Override
                    public void onComplete() {
                        permits.release();
                    }
                });
    }

    private void rethrow() throws Exception {
        Throwable t = failure.get();
        if (t instanceof Exception e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }
}
