package io.lifeboat.agent.mongo.oplog;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One stored oplog slice: the entries from {@code first} to {@code last} (both included) of one target, stored as one
 * object named {@code <first>-<last>} in the zero-padded form of {@link OplogPosition#sortable()}.
 *
 * @param first position of the slice's first entry
 * @param last position of the slice's last entry
 */
public record OplogSlice(OplogPosition first, OplogPosition last) {

    private static final Pattern NAME = Pattern.compile("(\\d{10}\\.\\d{10})-(\\d{10}\\.\\d{10})");

    /** The last position may not come before the first. */
    public OplogSlice {
        if (first.isAfter(last)) {
            throw new IllegalArgumentException("oplog slice from " + first + " to " + last + " ends before it starts");
        }
    }

    /** The object name, e.g. {@code 1763690400.0000000001-1763690410.0000000007}. */
    public String name() {
        return first.sortable() + "-" + last.sortable();
    }

    /** The slice an object name stands for, or empty when the name is not a slice's. */
    public static Optional<OplogSlice> fromName(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new OplogSlice(OplogPosition.parseSortable(m.group(1)),
                OplogPosition.parseSortable(m.group(2))));
    }

    @Override
    public String toString() {
        return "oplog slice " + first + " to " + last;
    }
}
