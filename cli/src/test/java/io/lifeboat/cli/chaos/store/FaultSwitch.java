package io.lifeboat.cli.chaos.store;

import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides which object-store requests fail: none while closed, each with probability {@code share} while open, drawn
 * from a seeded {@link Random} so that a run can be repeated; counts the requests seen in and out of the fault window
 * and the failures injected. Thread-safe.
 */
public final class FaultSwitch {

    private final double share;
    private final Random random;
    private volatile boolean open;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong requestsInWindow = new AtomicLong();
    private final AtomicLong injected = new AtomicLong();

    /**
     * A closed switch.
     *
     * @param share the share of requests that fail while open, 0 to 1
     * @param seed the seed of the draws
     */
    public FaultSwitch(double share, long seed) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("fault share " + share + " is not between 0 and 1");
        }
        this.share = share;
        this.random = new Random(seed);
    }

    /** Starts failing requests. */
    public void open() {
        open = true;
    }

    /** Stops failing requests. */
    public void close() {
        open = false;
    }

    /** Counts one request and tells whether it must fail. */
    public boolean failNext() {
        requests.incrementAndGet();
        if (!open) {
            return false;
        }
        requestsInWindow.incrementAndGet();
        boolean fail;
        synchronized (random) {
            fail = random.nextDouble() < share;
        }
        if (fail) {
            injected.incrementAndGet();
        }
        return fail;
    }

    /** Every request counted, in and out of the fault window. */
    public long requests() {
        return requests.get();
    }

    /** The requests counted while the switch was open. */
    public long requestsInWindow() {
        return requestsInWindow.get();
    }

    /** The requests that were failed on purpose. */
    public long injected() {
        return injected.get();
    }
}
