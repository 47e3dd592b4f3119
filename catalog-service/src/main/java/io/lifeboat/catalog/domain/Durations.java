package io.lifeboat.catalog.domain;

import java.time.Duration;

/**
 * Durations as people read them in event summaries: {@code 4m 12s}, {@code 3h 5m}, {@code 2d 4h}.
 */
public final class Durations {

    private Durations() {
    }

    /**
     * Formats a duration with its two largest units, rounded down to seconds.
     *
     * @param duration the duration, or null
     * @return the text, {@code 0s} for less than a second, {@code ?} for null
     */
    public static String human(Duration duration) {
        if (duration == null) {
            return "?";
        }
        long seconds = Math.abs(duration.toSeconds());
        String sign = duration.isNegative() ? "-" : "";
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        long secs = seconds % 60;
        if (days > 0) {
            return sign + days + "d" + (hours > 0 ? " " + hours + "h" : "");
        }
        if (hours > 0) {
            return sign + hours + "h" + (minutes > 0 ? " " + minutes + "m" : "");
        }
        if (minutes > 0) {
            return sign + minutes + "m" + (secs > 0 ? " " + secs + "s" : "");
        }
        return sign + secs + "s";
    }
}
