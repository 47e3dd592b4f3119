package io.lifeboat.cli.ops.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reads the instants an operator types: ISO-8601 in UTC ({@code Z}) or with an offset. */
public final class Times {

    private Times() {
    }

    /**
     * Parses {@code text} as an instant.
     *
     * @param option the option it was given to, for the message
     * @param text e.g. {@code 2026-11-21T09:41:59Z} or {@code 2026-11-21T10:41:59+01:00}
     * @return the instant
     * @throws IllegalArgumentException naming the option, the text and the expected form
     */
    public static Instant parse(String option, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(option + " takes an ISO-8601 instant such as 2026-11-21T09:41:59Z "
                        + "or 2026-11-21T10:41:59+01:00, got '" + text + "'");
            }
        }
    }
}
