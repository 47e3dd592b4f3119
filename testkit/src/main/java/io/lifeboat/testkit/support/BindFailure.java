package io.lifeboat.testkit.support;

import java.net.BindException;

/** Recognises "address already in use": a free port taken by someone else between the probe and the bind. */
public final class BindFailure {

    private BindFailure() {
    }

    /** True when {@code failure} or one of its causes is a failed bind. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BindException
                    || (t.getMessage() != null && t.getMessage().contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }
}
