package io.lifeboat.health.probe;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Waits for the first item of a Reactive Streams publisher (a command's single answer) and cancels the rest; an
 * interrupt cancels the subscription too, so that a timed-out check leaves nothing running.
 *
 * @param <T> the item type
 */
final class FirstItem<T> implements Subscriber<T> {

    private final CompletableFuture<T> result = new CompletableFuture<>();
    private volatile Subscription subscription;

    private FirstItem() {
    }

    static <T> T of(Publisher<T> publisher) throws Exception {
        FirstItem<T> first = new FirstItem<>();
        publisher.subscribe(first);
        try {
            return first.result.get();
        } catch (InterruptedException e) {
            first.cancel();
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void onSubscribe(Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(T item) {
        result.complete(item);
        cancel();
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(null);
    }

    private void cancel() {
        Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
