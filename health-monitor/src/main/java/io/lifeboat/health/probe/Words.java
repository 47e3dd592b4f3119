package io.lifeboat.health.probe;

import java.time.Duration;
import java.util.Locale;

/**
 * Durations and sizes as people read them in errors and details: {@code 500 ms}, {@code 3 s}, {@code 46.2 GiB}.
 */
final class Words {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Words() {
    }

    static String duration(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return decimal(millis / 1000.0) + " s";
    }

    static String bytes(long bytes) {
        double value = bytes;
        int unit = 0;
        while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return (unit == 0 ? String.valueOf(bytes) : decimal(value)) + " " + UNITS[unit];
    }

    /** One decimal, without a trailing {@code .0}. */
    private static String decimal(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
