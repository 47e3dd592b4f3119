package io.lifeboat.agent.mongo.bench;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.RawBsonDocument;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.result.InsertManyResult;
import com.mongodb.reactivestreams.client.MongoCollection;

/**
 * Inserts one collection's documents in unordered batches with at most {@code inFlight} batches outstanding, as
 * the restore does, and counts what the server acknowledged.
 */
final class BulkInsert {

    private final MongoCollection<RawBsonDocument> collection;
    private final int inFlight;
    private final Semaphore permits;
    private final AtomicLong inserted = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    BulkInsert(MongoCollection<RawBsonDocument> collection, int inFlight) {
        this.collection = collection;
        this.inFlight = inFlight;
        this.permits = new Semaphore(inFlight);
    }

    long insert(List<RawBsonDocument> documents, int batch) throws Exception {
        for (int from = 0; from < documents.size(); from += batch) {
            permits.acquire();
            send(documents.subList(from, Math.min(documents.size(), from + batch)));
        }
        permits.acquire(inFlight);
        permits.release(inFlight);
        if (failure.get() != null) {
            throw new IllegalStateException("insert into " + collection.getNamespace() + " failed",
                    failure.get());
        }
        return inserted.get();
    }

    private void send(List<RawBsonDocument> batch) {
        collection.insertMany(batch, new InsertManyOptions().ordered(false)).subscribe(
                new Subscriber<InsertManyResult>() {
                    @Override
                    public void onSubscribe(Subscription s) {
                        s.request(1);
                    }

                    @Override
                    public void onNext(InsertManyResult result) {
                        inserted.addAndGet(result.getInsertedIds().size());
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
}
