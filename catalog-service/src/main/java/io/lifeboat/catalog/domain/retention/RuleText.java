package io.lifeboat.catalog.domain.retention;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.lifeboat.events.catalog.RetentionTag;
import io.lifeboat.events.policy.Retention;

/**
 * Words for retention rules, as they appear in expiry reasons and in the reasons a backup is kept.
 */
final class RuleText {

    private RuleText() {
    }

    /**
     * Why a backup no rule picked expires.
     *
     * @param retention the rules
     * @return e.g. {@code retention: not kept by daily 7, keep-last 3}
     */
    static String notKept(Retention retention) {
        List<String> rules = new ArrayList<>();
        for (RetentionTag bucket : RetentionTag.values()) {
            int count = GfsBuckets.count(retention, bucket);
            if (count > 0) {
                Duration limit = GfsBuckets.ageLimit(retention, bucket);
                rules.add(GfsBuckets.name(bucket) + " " + count + (limit == null ? "" : " within " + duration(limit)));
            }
        }
        if (retention.keepLast() != null && retention.keepLast() > 0) {
            rules.add(keepLast(retention.keepLast()));
        }
        if (retention.keepWithin() != null && !retention.keepWithin().isNegative()
                && !retention.keepWithin().isZero()) {
            rules.add("keep-within " + duration(retention.keepWithin()));
        }
        return rules.isEmpty()
                ? "retention: no rule keeps any backup"
                : "retention: not kept by " + String.join(", ", rules);
    }

    /** Why a backup past the age limit expires. @param maxAge the limit @return the reason */
    static String olderThan(Duration maxAge) {
        return "retention: older than maxAge " + duration(maxAge);
    }

    /** The keep-last rule. @param count its count @return e.g. {@code keep-last 3} */
    static String keepLast(int count) {
        return "keep-last " + count;
    }

    /** The keep-within rule. @param limit its age @return e.g. {@code younger than P1D} */
    static String youngerThan(Duration limit) {
        return "younger than " + duration(limit);
    }

    /**
     * An ISO-8601 duration as a policy author writes it: whole days as days, anything else as Java prints it.
     *
     * @param duration the duration
     * @return e.g. {@code P2555D} rather than {@code PT61320H}
     */
    static String duration(Duration duration) {
        if (!duration.isZero() && duration.toSeconds() % Duration.ofDays(1).toSeconds() == 0
                && duration.getNano() == 0) {
            return "P" + duration.toDays() + "D";
        }
        return duration.toString();
    }
}
