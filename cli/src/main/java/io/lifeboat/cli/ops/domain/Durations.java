package io.lifeboat.cli.ops.domain;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the durations an operator types: ISO-8601 ({@code PT30M}) or short ({@code 90s}, {@code 30m}, {@code 2h}). */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+)([smhd])");

    private Durations() {
    }

    /**
     * Parses {@code text} as a positive duration.
     *
     * @param option the option it was given to, for the message
     * @param text e.g. {@code 30m} or {@code PT30M}
     * @return the duration
     * @throws IllegalArgumentException naming the option, the text and the expected form
     */
    public static Duration parse(String option, String text) {
        Duration duration;
        Matcher m = SHORT.matcher(text.trim());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            duration = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                duration = Duration.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(option + " takes a duration such as 90s, 30m, 2h or PT30M, got '"
                        + text + "'");
            }
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(option + " must be longer than zero, got '" + text + "'");
        }
        return duration;
    }
}
