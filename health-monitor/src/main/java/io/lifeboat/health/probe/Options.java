package io.lifeboat.health.probe;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One probe's options with its name and kind, so that every configuration error names the probe, the kind and the
 * option.
 */
final class Options {

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private final String probe;
    private final String kind;
    private final Map<String, String> values;

    Options(String probe, String kind, Map<String, String> values) {
        this.probe = probe;
        this.kind = kind;
        this.values = values == null ? Map.of() : values;
    }

    /** The option's trimmed value, or null when absent or blank. */
    String optional(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    String optional(String key, String fallback) {
        String value = optional(key);
        return value == null ? fallback : value;
    }

    String required(String key) {
        String value = optional(key);
        if (value == null) {
            throw invalid("option '" + key + "' is required");
        }
        return value;
    }

    int port(String key) {
        String value = required(key);
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below with the accepted range.
        }
        throw invalid("option '" + key + "' must be a port from 1 to 65535, got '" + value + "'");
    }

    boolean flag(String key, boolean fallback) {
        String value = optional(key);
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw invalid("option '" + key + "' must be true or false, got '" + value + "'");
        };
    }

    /** An optional duration: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, a bare number of seconds or ISO-8601. */
    Duration duration(String key) {
        String value = optional(key);
        if (value == null) {
            return null;
        }
        Matcher simple = SIMPLE_DURATION.matcher(value.toLowerCase(Locale.ROOT));
        try {
            if (simple.matches()) {
                long amount = Long.parseLong(simple.group(1));
                String unit = simple.group(2) == null ? "s" : simple.group(2);
                return switch (unit) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofSeconds(amount);
                };
            }
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw invalid("option '" + key + "' must be a duration such as 30s, 5m or PT30S, got '" + value + "'");
        }
    }

    /**
     * The password: the value of the environment variable that {@code password-env} names, else {@code password}
     * (meant for tests: configuration files should not hold secrets), else null.
     */
    String password() {
        String variable = optional("password-env");
        if (variable != null) {
            String password = System.getenv(variable);
            if (password == null) {
                throw invalid("environment variable '" + variable + "' named by option 'password-env' is not set");
            }
            return password;
        }
        return values.get("password");
    }

    IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException("probe '" + probe + "' (" + kind + "): " + problem);
    }
}
