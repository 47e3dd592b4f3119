package io.lifeboat.agent.pg.wal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.postgresql.replication.LogSequenceNumber;

/**
 * A parsed PostgreSQL timeline history file ({@code 00000002.history}): for every ancestor timeline, the LSN where
 * it ended and its child began ({@code <parent tli>\t<switch point>\t<reason>} per line).
 */
public final class TimelineHistory {

    /** One ancestor: {@code timeline} holds WAL up to (not including) {@code switchPoint}; {@code line} as read. */
    public record Entry(long timeline, long switchPoint, String line) {
    }

    private final long timeline;
    private final List<Entry> ancestors;

    private TimelineHistory(long timeline, List<Entry> ancestors) {
        this.timeline = timeline;
        this.ancestors = ancestors;
    }

    /** The history of {@code timeline} from the file's bytes; comments and blank lines are skipped. */
    public static TimelineHistory parse(long timeline, byte[] content) {
        List<Entry> entries = new ArrayList<>();
        for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\s+", 3);
            if (fields.length < 2) {
                throw new IllegalArgumentException("history file of timeline " + timeline + " has a bad line: '"
                        + trimmed + "'");
            }
            entries.add(new Entry(Long.parseLong(fields[0]), LogSequenceNumber.valueOf(fields[1]).asLong(), line));
        }
        return new TimelineHistory(timeline, List.copyOf(entries));
    }

    /** The history of timeline 1, which has no file: no ancestors. */
    static TimelineHistory first() {
        return root(1);
    }

    /** A timeline with no known ancestors (timeline 1, or one whose history file is not stored). */
    public static TimelineHistory root(long timeline) {
        return new TimelineHistory(timeline, List.of());
    }

    /** The timeline this file describes. */
    public long timeline() {
        return timeline;
    }

    /** The ancestors, oldest first. */
    public List<Entry> ancestors() {
        return ancestors;
    }

    /**
     * The history file of the ancestor {@code older}: PostgreSQL writes a child's file as its parent's lines plus one,
     * so it is this file's lines before the one of {@code older}.
     */
    String prefixFor(long older) {
        StringBuilder text = new StringBuilder();
        for (Entry e : ancestors) {
            if (e.timeline() == older) {
                return text.toString();
            }
            text.append(e.line()).append('\n');
        }
        throw new IllegalArgumentException("timeline " + older + " is not an ancestor of timeline " + timeline);
    }

    /** Where {@code ancestor} ended, if it is an ancestor of this timeline. */
    public OptionalLong switchPoint(long ancestor) {
        return ancestors.stream().filter(e -> e.timeline() == ancestor).mapToLong(Entry::switchPoint).findFirst();
    }

    /** The timeline that followed {@code ancestor} on the way to this one (this one after the last ancestor). */
    long childOf(long ancestor) {
        for (int i = 0; i < ancestors.size(); i++) {
            if (ancestors.get(i).timeline() == ancestor) {
                return i + 1 < ancestors.size() ? ancestors.get(i + 1).timeline() : timeline;
            }
        }
        throw new IllegalArgumentException("timeline " + ancestor + " is not an ancestor of timeline " + timeline);
    }

    /** Where this timeline began: the switch point of its parent, if it has one. */
    public OptionalLong start() {
        return ancestors.isEmpty()
                ? OptionalLong.empty()
                : OptionalLong.of(ancestors.get(ancestors.size() - 1).switchPoint());
    }
}
