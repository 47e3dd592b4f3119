package io.lifeboat.agent.mongo.oplog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** Waits for the reactive driver's publishers: all their items, or the first one. */
final class Publishers {

    private Publishers() {
    }

    /** Every item of {@code publisher}; its error is rethrown as it came (unchecked) or wrapped. */
    static <T> List<T> all(Publisher<T> publisher) {
        CompletableFuture<List<T>> done = new CompletableFuture<>();
        publisher.subscribe(new Subscriber<T>() {
            private final List<T> items = new ArrayList<>();

            @Override
            public void onSubscribe(Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(T item) {
                items.add(item);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                done.complete(items);
            }
        });
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for MongoDB", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** The first item of {@code publisher}, if any (use with {@code first()} or {@code limit(1)}). */
    static <T> Optional<T> first(Publisher<T> publisher) {
        List<T> items = all(publisher);
        return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
    }
}
