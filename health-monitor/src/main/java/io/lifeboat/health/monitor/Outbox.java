package io.lifeboat.health.monitor;

import java.util.ArrayList;
import java.util.List;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.health.TargetHealthReported;

/**
 * A target's events not yet taken by the broker. An outage or a recovery is announced only once, so it is kept until
 * a later round publishes it; a report is superseded by the next one, so only the newest is kept. Each event keeps
 * its envelope, and so its id, across attempts, letting readers drop a copy the broker took twice.
 */
final class Outbox {

    /** Bound on kept events, should the broker stay away for very long: the oldest are dropped first. */
    private static final int LIMIT = 10_000;

    private final List<Envelope<?>> pending = new ArrayList<>();

    /** Adds a round's messages behind those still pending, dropping the report they supersede. */
    synchronized void add(List<Envelope<?>> envelopes) {
        if (envelopes.stream().anyMatch(Outbox::isReport)) {
            pending.removeIf(Outbox::isReport);
        }
        pending.addAll(envelopes);
        while (pending.size() > LIMIT) {
            pending.remove(0);
        }
    }

    /** Takes every pending envelope, oldest first; what the broker does not take goes back with {@link #retry}. */
    synchronized List<Envelope<?>> drain() {
        List<Envelope<?>> all = List.copyOf(pending);
        pending.clear();
        return all;
    }

    /** Puts envelopes the broker did not take back in front of any added since. */
    synchronized void retry(List<Envelope<?>> failed) {
        List<Envelope<?>> newer = List.copyOf(pending);
        pending.clear();
        add(failed);
        add(newer);
    }

    /** Returns how many envelopes wait. */
    synchronized int size() {
        return pending.size();
    }

    private static boolean isReport(Envelope<?> envelope) {
        LifeboatMessage payload = envelope.payload();
        return payload instanceof TargetHealthReported;
    }
}
