package io.lifeboat.events;

import java.util.List;

/**
 * Argument checks for the compact constructors of message records; failures name the record field.
 */
public final class Require {

    private Require() {
    }

    /**
     * Fails unless {@code value} has a non-whitespace character.
     *
     * @param value the value to check
     * @param field the qualified field name for the message, e.g. {@code RunBackup.targetId}
     * @return the value
     */
    public static String nonBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    /**
     * Fails when {@code value} is {@code null}.
     *
     * @param value the value to check
     * @param field the qualified field name for the message
     * @param <T> the value type
     * @return the value
     */
    public static <T> T nonNull(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }

    /**
     * Fails when {@code value} is negative.
     *
     * @param value the value to check
     * @param field the qualified field name for the message
     * @return the value
     */
    public static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
        return value;
    }

    /**
     * Fails when {@code value} is below {@code 1}.
     *
     * @param value the value to check
     * @param field the qualified field name for the message
     * @return the value
     */
    public static int positive(int value, String field) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be at least 1, was " + value);
        }
        return value;
    }

    /**
     * Returns an immutable copy of {@code values}, or an empty list for {@code null}.
     *
     * @param values the values, possibly {@code null}
     * @param <T> the element type
     * @return an immutable list
     */
    public static <T> List<T> listOf(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
