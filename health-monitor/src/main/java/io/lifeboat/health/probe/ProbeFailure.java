package io.lifeboat.health.probe;

/**
 * A check that reached its target and found it wanting (a status, a lag, a missing path); its message is the
 * published error, so it names the instance and the cause.
 */
final class ProbeFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Outcome partial;

    ProbeFailure(String message) {
        this(message, Outcome.plain());
    }

    ProbeFailure(String message, Outcome partial) {
        super(message);
        this.partial = partial;
    }

    /** What the check learnt before it failed (a standby's role and lag when the lag is too high). */
    Outcome partial() {
        return partial == null ? Outcome.plain() : partial;
    }
}
