package io.lifeboat.agent.mongo.oplog;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hole in the captured oplog of a target, stored as a marker object {@code gap-<lastCaptured>-<oldestAvailable>}
 * beside the slices: entries after {@code lastCaptured} and before {@code oldestAvailable} may be lost for good.
 *
 * @param lastCaptured newest entry stored before the hole
 * @param oldestAvailable oldest entry the source still had when the hole was found (captured from there on)
 */
public record OplogGap(OplogPosition lastCaptured, OplogPosition oldestAvailable) {

    private static final Pattern NAME = Pattern.compile("gap-(\\d{10}\\.\\d{10})-(\\d{10}\\.\\d{10})");

    /** The marker's object name. */
    public String name() {
        return "gap-" + lastCaptured.sortable() + "-" + oldestAvailable.sortable();
    }

    /** The gap a marker object name stands for, or empty when the name is not a gap marker's. */
    public static Optional<OplogGap> fromName(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new OplogGap(OplogPosition.parseSortable(m.group(1)),
                OplogPosition.parseSortable(m.group(2))));
    }

    /** Whether a replay from {@code from} (exclusive) up to {@code until} (inclusive) would cross this hole. */
    public boolean crossedBy(OplogPosition from, OplogPosition until) {
        return oldestAvailable.isAfter(from) && until.isAfter(lastCaptured);
    }
}
