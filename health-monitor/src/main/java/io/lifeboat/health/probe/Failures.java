package io.lifeboat.health.probe;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * Turns what a driver threw into the published error: the instance and the cause in a few words, the driver's own
 * message where no shorter form says more.
 */
final class Failures {

    private Failures() {
    }

    static String timedOut(Duration timeout, String step, String instance) {
        return "timed out after " + Words.duration(timeout) + ": " + step + " on " + instance;
    }

    static String describe(Throwable error, Duration timeout, String step, String instance) {
        // Drivers wrap the network's answer (the JDK's HTTP client in a ConnectException without a message,
        // MongoDB's server selection in its own text): a refusal anywhere in the chain is the cause.
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("connection refused")) {
                return "connection refused: " + instance;
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                // The JDK's HTTP client gives no reason (its cause is a ClosedChannelException): say only what is known.
                String why = t.getMessage();
                return "unable to connect to " + instance + (why == null || why.isBlank() ? "" : ": " + why);
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage() + " of " + instance;
            }
            // Drivers have their own timeout types (Redisson's RedisTimeoutException, MongoTimeoutException).
            if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException
                    || t instanceof TimeoutException || t.getClass().getSimpleName().endsWith("TimeoutException")) {
                return timedOut(timeout, step, instance);
            }
        }
        return step + " on " + instance + " failed: " + reason(error);
    }

    /** The innermost message that still says something, without wrappers that only repeat their cause. */
    static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && (cause.getMessage() == null || cause.getMessage().equals(cause.getCause()
                .toString()))) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        // Redisson appends its channel and command buffer, which say nothing to whoever reads the alert.
        int channel = message.indexOf(". channel: ");
        return channel < 0 ? message : message.substring(0, channel);
    }
}
