package io.lifeboat.catalog.domain.retention;

import static io.lifeboat.catalog.domain.RetentionEntries.full;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.lifeboat.catalog.domain.RetentionEntries;
import io.lifeboat.events.Engine;
import io.lifeboat.events.catalog.CatalogEntry;
import io.lifeboat.events.catalog.RetentionTag;
import io.lifeboat.events.policy.FailoverMode;
import io.lifeboat.events.policy.PolicyDefined;
import io.lifeboat.events.policy.ProtectionTier;
import io.lifeboat.events.policy.Retention;

/** GFS selection against hand-worked calendars: which backup each bucket keeps, and ISO weeks across a year. */
class GfsCalendarTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:30:00Z");

    private final RetentionPlanner planner = new RetentionPlanner();

    /*
     * Series: one full backup a day at 02:00 UTC from 2025-10-01 to 2026-11-20 (ids d-<date>), plus one an hour on
     * Saturday 2026-11-21 from 00:00 to 09:00 (ids h-2026-11-21T<hh>). 416 + 10 = 426 backups. Now is
     * 2026-11-21T09:30Z. Policy: hourly 4, daily 7, weekly 4, monthly 6, yearly 2.
     *
     * Walking newest first, each bucket keeps the newest backup of each of its newest periods:
     * - hourly 4: hours 09, 08, 07, 06 of 2026-11-21 -> h-09, h-08, h-07, h-06.
     * - daily 7: 2026-11-21 -> h-09; then 11-20, 11-19, 11-18, 11-17, 11-16, 11-15 -> their d-.
     * - weekly 4: 2026-W47 (Mon 11-16 .. Sun 11-22) -> h-09; 2026-W46 (Mon 11-09 .. Sun 11-15) -> d-2026-11-15;
     *   2026-W45 (11-02 .. 11-08) -> d-2026-11-08; 2026-W44 (10-26 .. 11-01) -> d-2026-11-01.
     * - monthly 6: 2026-11 -> h-09; 2026-10 -> d-2026-10-31; 09 -> d-2026-09-30; 08 -> d-2026-08-31;
     *   07 -> d-2026-07-31; 06 -> d-2026-06-30.
     * - yearly 2: 2026 -> h-09; 2025 -> d-2025-12-31.
     *
     * Kept (18): h-09 (hourly, daily, weekly, monthly, yearly); h-08, h-07, h-06 (hourly); d-2026-11-20 .. 11-16
     * (daily); d-2026-11-15 (daily, weekly); d-2026-11-08, d-2026-11-01 (weekly); d-2026-10-31, 09-30, 08-31,
     * 07-31, 06-30 (monthly); d-2025-12-31 (yearly). Everything else (408) expires, none of it older than a maxAge.
     */
    @Test
    void keepsTheHandWorkedGrandfatherFatherSonSetOfADailyAndHourlySeries() {
        List<CatalogEntry> entries = new ArrayList<>();
        for (LocalDate day = LocalDate.parse("2025-10-01"); !day.isAfter(LocalDate.parse("2026-11-20")); day = day
                .plusDays(1)) {
            entries.add(full("d-" + day, day.atTime(2, 0).toInstant(ZoneOffset.UTC)));
        }
        for (int hour = 0; hour <= 9; hour++) {
            entries.add(full(String.format("h-2026-11-21T%02d", hour),
                    Instant.parse("2026-11-21T00:00:00Z").plus(Duration.ofHours(hour))));
        }

        RetentionPlan plan = planner.plan(entries, policy(new Retention(4, 7, 4, 6, 2, null)), NOW);

        Set<String> kept = Set.of("h-2026-11-21T09", "h-2026-11-21T08", "h-2026-11-21T07", "h-2026-11-21T06",
                "d-2026-11-20", "d-2026-11-19", "d-2026-11-18", "d-2026-11-17", "d-2026-11-16", "d-2026-11-15",
                "d-2026-11-08", "d-2026-11-01", "d-2026-10-31", "d-2026-09-30", "d-2026-08-31", "d-2026-07-31",
                "d-2026-06-30", "d-2025-12-31");
        assertThat(plan.kept()).containsExactlyInAnyOrderElementsOf(kept);
        assertThat(plan.tags().get("h-2026-11-21T09")).containsExactly(RetentionTag.HOURLY, RetentionTag.DAILY,
                RetentionTag.WEEKLY, RetentionTag.MONTHLY, RetentionTag.YEARLY);
        assertThat(plan.tags().get("h-2026-11-21T06")).containsExactly(RetentionTag.HOURLY);
        assertThat(plan.tags().get("d-2026-11-15")).containsExactly(RetentionTag.DAILY, RetentionTag.WEEKLY);
        assertThat(plan.tags().get("d-2026-08-31")).containsExactly(RetentionTag.MONTHLY);
        assertThat(plan.tags().get("d-2025-12-31")).containsExactly(RetentionTag.YEARLY);
        assertThat(plan.keptBecause().get("d-2026-11-15")).isEqualTo("daily 2026-11-15, weekly 2026-W46");
        assertThat(plan.keptBecause().get("h-2026-11-21T09")).isEqualTo("hourly 2026-11-21T09, daily 2026-11-21, "
                + "weekly 2026-W47, monthly 2026-11, yearly 2026, newest restorable backup");

        List<String> expected = entries.stream().map(CatalogEntry::backupId).filter(id -> !kept.contains(id))
                .toList();
        assertThat(expected).hasSize(408);
        assertThat(ids(plan.expire())).containsExactlyElementsOf(expected); // series was built oldest first
        assertThat(plan.expire()).extracting(Expiry::reason).containsOnly(
                "retention: not kept by hourly 4, daily 7, weekly 4, monthly 6, yearly 2");
    }

    /*
     * Series: one backup a day at 02:00 UTC from Monday 2025-12-22 to Tuesday 2026-01-06; now 2026-01-06T12:00Z.
     * Policy: weekly 3, yearly 2. ISO weeks: 2025-W52 = 2025-12-22 .. 12-28; 2026-W01 = Mon 2025-12-29 ..
     * Sun 2026-01-04 (it holds 2025-12-29, 30, 31 although their calendar year is 2025); 2026-W02 starts 2026-01-05.
     * - weekly 3: 2026-W02 -> 01-06; 2026-W01 -> 01-04 (its newest, so 12-29 .. 01-03 are not weekly backups);
     *   2025-W52 -> 12-28.
     * - yearly 2: 2026 -> 01-06; 2025 -> 12-31.
     * Kept: 01-06 (weekly, yearly), 01-04 (weekly), 12-31 (yearly), 12-28 (weekly). A weekly bucket keyed on the
     * calendar year would count 2025-12-31 as a week of its own and keep it as weekly.
     */
    @Test
    void countsTheIsoWeekThatCrossesTheYearAsOneWeek() {
        List<CatalogEntry> entries = new ArrayList<>();
        for (LocalDate day = LocalDate.parse("2025-12-22"); !day.isAfter(LocalDate.parse("2026-01-06")); day = day
                .plusDays(1)) {
            entries.add(full("d-" + day, day.atTime(2, 0).toInstant(ZoneOffset.UTC)));
        }

        RetentionPlan plan = planner.plan(entries, policy(new Retention(0, 0, 3, 0, 2, null)),
                Instant.parse("2026-01-06T12:00:00Z"));

        assertThat(plan.kept()).containsExactly("d-2026-01-06", "d-2026-01-04", "d-2025-12-31", "d-2025-12-28");
        assertThat(plan.tags().get("d-2026-01-06")).containsExactly(RetentionTag.WEEKLY, RetentionTag.YEARLY);
        assertThat(plan.tags().get("d-2025-12-31")).containsExactly(RetentionTag.YEARLY);
        assertThat(plan.keptBecause().get("d-2026-01-04")).isEqualTo("weekly 2026-W01");
        assertThat(plan.keptBecause().get("d-2025-12-28")).isEqualTo("weekly 2025-W52");
        assertThat(ids(plan.expire())).containsExactly("d-2025-12-22", "d-2025-12-23", "d-2025-12-24",
                "d-2025-12-25", "d-2025-12-26", "d-2025-12-27", "d-2025-12-29", "d-2025-12-30", "d-2026-01-01",
                "d-2026-01-02", "d-2026-01-03", "d-2026-01-05");
    }

    private static PolicyDefined policy(Retention retention) {
        return new PolicyDefined(RetentionEntries.TARGET, Engine.POSTGRES, "secret://orders-db", ProtectionTier.TIER_1,
                List.of(), true, Duration.ofMinutes(15), Duration.ofHours(1), retention, List.of(), null, null,
                FailoverMode.MANUAL, "ops", Instant.parse("2025-09-01T00:00:00Z"));
    }

    private static List<String> ids(List<Expiry> expire) {
        return expire.stream().map(Expiry::backupId).collect(Collectors.toList());
    }
}
