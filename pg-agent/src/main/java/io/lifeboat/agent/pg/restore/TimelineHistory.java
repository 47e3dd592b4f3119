package io.lifeboat.agent.pg.restore;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.postgresql.replication.LogSequenceNumber;

/**
 * A PostgreSQL timeline history file ({@code 00000002.history}): for each ancestor timeline, the LSN at which the
 * next one branched off. Lines are {@code <parent tli>\t<switch LSN>\t<reason>}; comments and blanks are skipped.
 *
 * @param timeline the timeline this history describes
 * @param ancestors parent timelines, oldest first, each with the LSN where it ended
 */
record TimelineHistory(long timeline, List<Switch> ancestors) {

    /** One ancestor timeline and the LSN at which its child branched off. */
    record Switch(long timeline, long endLsn) {
    }

    /** The history of a timeline with no ancestors (timeline 1, or a history not stored). */
    static TimelineHistory root(long timeline) {
        return new TimelineHistory(timeline, List.of());
    }

    /** Parses the file's bytes; fails naming the line when it is not a history file. */
    static TimelineHistory parse(long timeline, byte[] content) {
        List<Switch> ancestors = new ArrayList<>();
        for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\s+", 3);
            try {
                long parent = Long.parseLong(fields[0]);
                LogSequenceNumber lsn = LogSequenceNumber.valueOf(fields[1]);
                if (fields[1].indexOf('/') < 0 || lsn == LogSequenceNumber.INVALID_LSN) {
                    throw new IllegalArgumentException("bad LSN");
                }
                ancestors.add(new Switch(parent, lsn.asLong()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("history file of timeline " + timeline + " has a bad line '"
                        + trimmed + "'", e);
            }
        }
        return new TimelineHistory(timeline, List.copyOf(ancestors));
    }

    /** The LSN at which {@code ancestor} ended in this history, or -1 when it is not an ancestor. */
    long endOf(long ancestor) {
        return ancestors.stream().filter(s -> s.timeline() == ancestor).mapToLong(Switch::endLsn).findFirst()
                .orElse(-1);
    }

    /** The LSN where this timeline begins: the end of its newest ancestor, 0 for a root. */
    long beginLsn() {
        return ancestors.isEmpty() ? 0 : ancestors.get(ancestors.size() - 1).endLsn();
    }
}
