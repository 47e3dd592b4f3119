package io.lifeboat.agent.mongo.oplog;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.bson.RawBsonDocument;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * One open read of the oplog as a blocking queue the tailer thread polls with a timeout (so flushes happen on time
 * while no entry arrives); requests entries in batches, so an idle tailer holds at most one batch in memory.
 */
final class OplogCursor implements Subscriber<RawBsonDocument>, AutoCloseable {

    /** What {@link #poll} returns: an entry, the end of the cursor, an error, or nothing within the timeout. */
    sealed interface Signal {
    }

    record Entry(RawBsonDocument entry) implements Signal {
    }

    record Ended() implements Signal {
    }

    record Failed(Throwable error) implements Signal {
    }

    record Idle() implements Signal {
    }

    static final Signal IDLE = new Idle();
    private static final int BATCH = 256;

    private final LinkedBlockingQueue<Signal> queue = new LinkedBlockingQueue<>();
    private volatile Subscription subscription;
    private int consumedSinceRequest;

    OplogCursor(Publisher<RawBsonDocument> publisher) {
        publisher.subscribe(this);
    }

    @Override
    public void onSubscribe(Subscription s) {
        subscription = s;
        s.request(BATCH);
    }

    @Override
    public void onNext(RawBsonDocument entry) {
        queue.add(new Entry(entry));
    }

    @Override
    public void onError(Throwable t) {
        queue.add(new Failed(t));
    }

    @Override
    public void onComplete() {
        queue.add(new Ended());
    }

    /** The next signal, or {@link #IDLE} after {@code millis}. */
    Signal poll(long millis) throws InterruptedException {
        Signal signal = queue.poll(Math.max(0, millis), TimeUnit.MILLISECONDS);
        if (signal instanceof Entry && ++consumedSinceRequest == BATCH) {
            consumedSinceRequest = 0;
            subscription.request(BATCH);
        }
        return signal == null ? IDLE : signal;
    }

    /** Wakes a waiting {@link #poll} (it returns {@link #IDLE}). */
    void wake() {
        queue.add(IDLE);
    }

    @Override
    public void close() {
        Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
