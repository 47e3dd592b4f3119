package io.lifeboat.cli.ops.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Durations, sizes and instants as a person reads them in a terminal. */
public final class Human {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Human() {
    }

    /** Seconds as the two largest units, e.g. {@code 4m12s}, {@code 2h05m}, {@code 3d04h}; null as {@code -}. */
    public static String duration(Long seconds) {
        if (seconds == null) {
            return "-";
        }
        long s = Math.abs(seconds);
        String sign = seconds < 0 ? "-" : "";
        if (s < 60) {
            return sign + s + "s";
        }
        if (s < 3600) {
            return sign + (s / 60) + "m" + two(s % 60) + "s";
        }
        if (s < 86_400) {
            return sign + (s / 3600) + "h" + two(s % 3600 / 60) + "m";
        }
        return sign + (s / 86_400) + "d" + two(s % 86_400 / 3600) + "h";
    }

    /** Bytes in binary units with one decimal, e.g. {@code 830.2 MiB}; null as {@code -}. */
    public static String size(Long bytes) {
        if (bytes == null) {
            return "-";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /** An instant to the whole second, ISO-8601 UTC; null as {@code -}. */
    public static String instant(Instant at) {
        return at == null ? "-" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String two(long n) {
        return n < 10 ? "0" + n : Long.toString(n);
    }
}
