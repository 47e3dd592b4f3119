package io.lifeboat.scheduler.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

/**
 * A cron expression (Unix or Quartz syntax) evaluated in one time zone, with cron(8)'s daylight-saving rules.
 *
 * <p>
 * The syntax is chosen by the number of fields: five fields are Unix cron (minute first), six or seven are Quartz
 * (seconds first, optional year, {@code L}, {@code W}, {@code #}, {@code ?}).
 *
 * <p>
 * Daylight saving: the expression is matched against local wall-clock times, which are then placed on the time line.
 * A local time that does not exist (spring-forward gap, e.g. 02:30 Europe/Berlin on 2026-03-29) fires once at the
 * first instant after the gap (03:00 local); several matches inside one gap collapse into that one run. A local time
 * that occurs twice (fall-back, 02:30 on 2026-10-25) fires once, at its first occurrence. This is what cron(8) and
 * cronie do for fixed-time jobs. cron-utils' own {@code ExecutionTime} differs on both counts: it skips a time in
 * the gap and fires twice in the repeated hour, so this class matches on local times itself.
 */
public final class CronSchedule {

    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final CronParser QUARTZ = new CronParser(
            CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private final String expression;
    private final ZoneId zone;
    private final CronSyntax syntax;
    // Evaluated in UTC on local wall-clock times, so cron-utils never sees a gap or an overlap.
    private final ExecutionTime localTimes;

    private CronSchedule(String expression, ZoneId zone, CronSyntax syntax, ExecutionTime localTimes) {
        this.expression = expression;
        this.zone = zone;
        this.syntax = syntax;
        this.localTimes = localTimes;
    }

    /**
     * Parses {@code expression} in {@code zone} (UTC when null), choosing Unix or Quartz syntax by field count.
     *
     * @throws IllegalArgumentException naming the expression and the reason when it is blank or invalid
     */
    public static CronSchedule parse(String expression, ZoneId zone) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("invalid cron '" + expression + "': expression is blank");
        }
        String trimmed = expression.trim();
        int fields = trimmed.split("\\s+").length;
        CronSyntax syntax = switch (fields) {
            case 5 -> CronSyntax.UNIX;
            case 6, 7 -> CronSyntax.QUARTZ;
            default -> throw new IllegalArgumentException("invalid cron '" + expression + "': has " + fields
                    + " fields, expected 5 (Unix) or 6-7 (Quartz)");
        };
        try {
            Cron cron = (syntax == CronSyntax.UNIX ? UNIX : QUARTZ).parse(trimmed).validate();
            return new CronSchedule(trimmed, zone == null ? ZoneOffset.UTC : zone, syntax,
                    ExecutionTime.forCron(cron));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid cron '" + expression + "': " + e.getMessage(), e);
        }
    }

    /**
     * Parses {@code expression} in UTC.
     */
    public static CronSchedule parse(String expression) {
        return parse(expression, ZoneOffset.UTC);
    }

    /**
     * The first scheduled instant strictly after {@code after}, empty when the schedule never fires again.
     */
    public Optional<Instant> next(Instant after) {
        Objects.requireNonNull(after, "CronSchedule.next: after");
        // No local time at or before after's own wall-clock time maps past it (the mapping is monotonic), so start
        // there; inside a repeated hour a few matches map to the first occurrence and are skipped.
        // Slots are whole seconds (Quartz) or minutes (Unix); cron-utils would carry the fraction of the start into
        // every later match (a start at :42.977 gave :43.977), so start from the truncated time.
        LocalDateTime local = LocalDateTime.ofInstant(after, zone).truncatedTo(resolution());
        Optional<ZonedDateTime> match = localTimes.nextExecution(local.atZone(ZoneOffset.UTC));
        while (match.isPresent()) {
            Instant candidate = toInstant(match.get().toLocalDateTime());
            if (candidate.isAfter(after)) {
                return Optional.of(candidate);
            }
            match = localTimes.nextExecution(match.get());
        }
        return Optional.empty();
    }

    /**
     * The latest scheduled instant at or before {@code atOrBefore}, empty when the schedule never fired before.
     */
    public Optional<Instant> previous(Instant atOrBefore) {
        Objects.requireNonNull(atOrBefore, "CronSchedule.previous: atOrBefore");
        ZoneRules rules = zone.getRules();
        // A Unix expression has no seconds field and cron-utils matches it at any second of a matching minute.
        LocalDateTime local = LocalDateTime.ofInstant(atOrBefore, zone).truncatedTo(resolution());
        ZoneOffsetTransition transition = rules.getTransition(local);
        boolean secondOccurrence = transition != null && transition.isOverlap()
                && rules.getOffset(atOrBefore).equals(transition.getOffsetAfter());
        if (secondOccurrence) {
            // Every local time of the repeated hour already fired at its first occurrence, before atOrBefore.
            return localTimes.lastExecution(transition.getDateTimeBefore().atZone(ZoneOffset.UTC))
                    .map(z -> toInstant(z.toLocalDateTime()));
        }
        ZonedDateTime bound = local.atZone(ZoneOffset.UTC);
        if (localTimes.isMatch(bound)) {
            return Optional.of(toInstant(local));
        }
        return localTimes.lastExecution(bound).map(z -> toInstant(z.toLocalDateTime()));
    }

    /**
     * The scheduled instants in {@code (fromExclusive, toInclusive]}, oldest first, at most {@code limit} of them.
     */
    public List<Instant> between(Instant fromExclusive, Instant toInclusive, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("CronSchedule.between: limit " + limit + " is negative");
        }
        List<Instant> times = new ArrayList<>();
        Optional<Instant> next = next(fromExclusive);
        while (times.size() < limit && next.isPresent() && !next.get().isAfter(toInclusive)) {
            times.add(next.get());
            next = next(next.get());
        }
        return times;
    }

    private ChronoUnit resolution() {
        return syntax == CronSyntax.UNIX ? ChronoUnit.MINUTES : ChronoUnit.SECONDS;
    }

    /**
     * The expression as parsed (trimmed).
     */
    public String expression() {
        return expression;
    }

    /**
     * The time zone whose wall clock the expression is matched against.
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The syntax chosen from the field count.
     */
    public CronSyntax syntax() {
        return syntax;
    }

    /** Places a matching local time on the time line: gap to its end, repeated time to its first occurrence. */
    private Instant toInstant(LocalDateTime local) {
        ZoneRules rules = zone.getRules();
        ZoneOffsetTransition transition = rules.getTransition(local);
        if (transition == null) {
            return local.toInstant(rules.getOffset(local));
        }
        if (transition.isGap()) {
            return transition.getInstant();
        }
        return local.toInstant(transition.getOffsetBefore());
    }

    @Override
    public String toString() {
        return "CronSchedule[" + expression + " " + syntax + " in " + zone + "]";
    }
}
