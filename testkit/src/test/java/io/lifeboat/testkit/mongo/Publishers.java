package io.lifeboat.testkit.mongo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** Blocks on a Reactive Streams publisher in a test, with a timeout, without a reactive library. */
public final class Publishers {

    private Publishers() {
    }

    /** Requests {@code count} items and returns them once they arrived or the publisher completed. */
    public static <T> List<T> take(Publisher<T> publisher, int count, Duration timeout) throws Exception {
        CompletableFuture<List<T>> result = new CompletableFuture<>();
        List<T> items = new ArrayList<>();
        publisher.subscribe(new Subscriber<T>() {
            private Subscription subscription;

            @Override
            public void onSubscribe(Subscription s) {
                subscription = s;
                s.request(count);
            }

            @Override
            public synchronized void onNext(T item) {
                items.add(item);
                if (items.size() == count) {
                    subscription.cancel();
                    result.complete(List.copyOf(items));
                }
            }

            @Override
            public void onError(Throwable t) {
                result.completeExceptionally(t);
            }

            @Override
            public synchronized void onComplete() {
                result.complete(List.copyOf(items));
            }
        });
        return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public static <T> List<T> all(Publisher<T> publisher) throws Exception {
        return take(publisher, Integer.MAX_VALUE, Duration.ofSeconds(10));
    }

    public static <T> T one(Publisher<T> publisher) throws Exception {
        List<T> items = take(publisher, 1, Duration.ofSeconds(10));
        return items.isEmpty() ? null : items.get(0);
    }
}
