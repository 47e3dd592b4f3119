package io.lifeboat.agent.mongo.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Reads a Reactive Streams publisher from a blocking thread with bounded demand: it asks for {@code batch} items,
 * and for the next {@code batch} only once the reader has taken as many, so that at most {@code batch} items wait in
 * memory whatever the publisher's size. Closing it cancels the subscription.
 *
 * @param <T> the item type
 */
public final class Pull<T> implements Subscriber<T>, AutoCloseable {

    private static final Object COMPLETE = new Object();

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final int batch;
    private volatile Subscription subscription;
    private int takenSinceRequest;
    private boolean done;

    private Pull(int batch) {
        this.batch = batch;
    }

    /** Subscribes to {@code publisher}, asking for {@code batch} items at a time. */
    public static <T> Pull<T> of(Publisher<T> publisher, int batch) {
        Pull<T> pull = new Pull<>(Math.max(1, batch));
        publisher.subscribe(pull);
        return pull;
    }

    /** Every item of a small publisher (a list of collections, of indexes, a command's answer). */
    public static <T> List<T> all(Publisher<T> publisher) throws Exception {
        List<T> items = new ArrayList<>();
        try (Pull<T> pull = of(publisher, 256)) {
            T item;
            while ((item = pull.next()) != null) {
                items.add(item);
            }
        }
        return items;
    }

    /** The first item of a publisher, or null when it has none. */
    public static <T> T first(Publisher<T> publisher) throws Exception {
        try (Pull<T> pull = of(publisher, 1)) {
            return pull.next();
        }
    }

    /** The next item; null once the publisher completed; rethrows the publisher's error. */
    @SuppressWarnings("unchecked")
    public T next() throws Exception {
        if (done) {
            return null;
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            close();
            throw e;
        }
        if (item == COMPLETE) {
            done = true;
            return null;
        }
        if (item instanceof Failure failure) {
            done = true;
            if (failure.error instanceof Exception exception) {
                throw exception;
            }
            throw new IllegalStateException(failure.error);
        }
        if (++takenSinceRequest == batch) {
            takenSinceRequest = 0;
            subscription.request(batch);
        }
        return (T) item;
    }

    @Override
    public void onSubscribe(Subscription s) {
        subscription = s;
        s.request(batch);
    }

    @Override
    public void onNext(T item) {
        queue.add(item);
    }

    @Override
    public void onError(Throwable t) {
        queue.add(new Failure(t));
    }

    @Override
    public void onComplete() {
        queue.add(COMPLETE);
    }

    @Override
    public void close() {
        Subscription s = subscription;
        if (s != null && !done) {
            s.cancel();
        }
        done = true;
    }

    private record Failure(Throwable error) {
    }
}
