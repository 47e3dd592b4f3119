package io.lifeboat.scheduler.policy;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads a duration as a person writes it: ISO-8601 ({@code PT5M}, {@code P30D}) or a short form of days, hours,
 * minutes and seconds ({@code 30s}, {@code 5m}, {@code 2h}, {@code 30d}, {@code 1d12h}). A bare number is refused:
 * {@code 300} could mean seconds or minutes.
 */
final class LenientDurationDeserializer extends StdScalarDeserializer<Duration> {

    private static final long serialVersionUID = 1L;

    /** How to write a duration, for messages. */
    static final String HINT = "use ISO-8601 such as PT5M or P30D, or a short form such as 30s, 5m, 2h, 30d, 1d12h";

    private static final Pattern SHORT = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?",
            Pattern.CASE_INSENSITIVE);

    LenientDurationDeserializer() {
        super(Duration.class);
    }

    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            String text = p.getText();
            Optional<Duration> parsed = parse(text);
            if (parsed.isPresent()) {
                return parsed.get();
            }
            return (Duration) ctxt.handleWeirdStringValue(Duration.class, text, HINT);
        }
        if (p.currentToken().isNumeric()) {
            return (Duration) ctxt.handleWeirdNumberValue(Duration.class, p.getNumberValue(), HINT);
        }
        return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
    }

    /**
     * Parses ISO-8601 or the short form.
     *
     * @param text the text, surrounding blanks allowed
     * @return the duration, empty when the text is neither form
     */
    static Optional<Duration> parse(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        try {
            char first = Character.toUpperCase(trimmed.charAt(0));
            if (first == 'P' || first == '-' || first == '+') {
                return Optional.of(Duration.parse(trimmed));
            }
            Matcher m = SHORT.matcher(trimmed);
            if (!m.matches()) {
                return Optional.empty();
            }
            Duration d = Duration.ZERO;
            d = d.plusDays(number(m.group(1))).plusHours(number(m.group(2)));
            return Optional.of(d.plusMinutes(number(m.group(3))).plusSeconds(number(m.group(4))));
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
