package io.lifeboat.testkit.process;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes; used to wait for servers to become ready. */
public final class Await {

    private Await() {
    }

    /**
     * Waits until {@code condition} is true; on timeout fails with {@code what} and the detail (for example a log
     * tail) that {@code explain} supplies at that moment. Exceptions from the condition count as "not yet".
     */
    public static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<String> explain) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 10;
        RuntimeException last = null;
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                String cause = last == null ? "" : " (last error: " + last.getMessage() + ")";
                throw new IllegalStateException("timed out after " + timeout.toMillis() + " ms waiting for " + what
                        + cause + "\n" + explain.get(), last);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
            pause = Math.min(pause * 2, 200);
        }
    }
}
