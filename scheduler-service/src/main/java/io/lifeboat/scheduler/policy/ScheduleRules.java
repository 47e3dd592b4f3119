package io.lifeboat.scheduler.policy;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.policy.BackupSchedule;
import io.lifeboat.events.policy.MisfireHandling;
import io.lifeboat.events.policy.PolicySpec;
import io.lifeboat.events.policy.Scheduling;
import io.lifeboat.scheduler.domain.CronSchedule;

/** The rules on a policy's schedules: cron expressions, time zone, backup types, and the gaps they leave. */
final class ScheduleRules {

    private ScheduleRules() {
    }

    /**
     * Checks schedules, verification and drill crons and scheduling settings.
     *
     * @param spec the policy
     * @param rpo the RPO in force (the policy's or the tier's), null when unknown
     * @param problems where problems go
     */
    static void check(PolicySpec spec, Duration rpo, Problems problems) {
        Optional<ZoneId> zone = zone(spec.scheduling(), problems);
        ZoneId parseZone = zone.orElse(ZoneOffset.UTC);
        List<CronSchedule> backups = backupSchedules(spec, parseZone, problems);
        Map<String, CronSchedule> all = new LinkedHashMap<>();
        List<BackupSchedule> schedules = spec.schedules() == null ? List.of() : spec.schedules();
        boolean everyBackupScheduleParsed = backups.size() == schedules.size();
        for (int i = 0; i < backups.size() && everyBackupScheduleParsed; i++) {
            all.put("schedules[" + i + "]", backups.get(i));
        }
        parse("verificationCron", spec.verificationCron(), parseZone, problems)
                .ifPresent(c -> all.put("verificationCron", c));
        parse("drillCron", spec.drillCron(), parseZone, problems).ifPresent(c -> all.put("drillCron", c));
        if (zone.isEmpty()) {
            return; // gaps measured in another zone than the policy's would mislead
        }
        boolean continuous = Boolean.TRUE.equals(spec.continuousArchiving());
        if (schedules.isEmpty() && !continuous) {
            problems.warn("schedules", "no backup schedule and no continuous archiving: the target is never backed up");
        }
        if (rpo != null && StorageRules.isPositive(rpo) && !continuous && everyBackupScheduleParsed
                && !backups.isEmpty()) {
            ScheduleGaps.longest(backups, zone.get()).filter(gap -> rpo.compareTo(gap) < 0)
                    .ifPresent(gap -> problems.warn("rpo", "rpo " + rpo
                            + " is shorter than the longest gap between scheduled backups (" + gap
                            + ") and continuousArchiving is off: the RPO will be breached between backups"));
        }
        if (spec.scheduling() != null) {
            schedulingWarnings(spec.scheduling(), all, zone.get(), problems);
        }
    }

    private static Optional<ZoneId> zone(Scheduling scheduling, Problems problems) {
        if (scheduling == null || scheduling.timeZone() == null) {
            return Optional.of(ZoneOffset.UTC);
        }
        try {
            return Optional.of(ZoneId.of(scheduling.timeZone().trim()));
        } catch (DateTimeException e) {
            problems.error("scheduling.timeZone", "unknown time zone '" + scheduling.timeZone()
                    + "': use an IANA zone such as Europe/Berlin or UTC (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    /** The parsed backup schedules, in order; a schedule with an error is left out. */
    private static List<CronSchedule> backupSchedules(PolicySpec spec, ZoneId zone, Problems problems) {
        List<CronSchedule> parsed = new ArrayList<>();
        if (spec.schedules() == null) {
            return parsed;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < spec.schedules().size(); i++) {
            String field = "schedules[" + i + "]";
            BackupSchedule schedule = spec.schedules().get(i);
            if (schedule == null) {
                problems.error(field, "is empty: a schedule needs a backupType and a cron");
                continue;
            }
            boolean typeOk = backupTypeTaken(field, schedule.backupType(), spec.engine(), problems);
            Optional<CronSchedule> cron = parse(field + ".cron", schedule.cron(), zone, problems);
            String key = schedule.backupType() + " '" + String.join(" ", schedule.cron().trim().split("\\s+")) + "'";
            Integer first = seen.putIfAbsent(key, i);
            if (first != null) {
                problems.error(field, "duplicates schedules[" + first + "] (" + key + ")");
            }
            if (typeOk && first == null) {
                cron.ifPresent(parsed::add);
            }
        }
        return parsed;
    }

    private static boolean backupTypeTaken(String field, BackupType type, Engine engine, Problems problems) {
        if (engine == null || type == null) {
            return true;
        }
        Set<BackupType> taken = EngineCapabilities.backupTypes(engine);
        if (taken.contains(type)) {
            return true;
        }
        problems.error(field + ".backupType", type + " is not taken by the " + engine.id() + " agent; it takes "
                + String.join(", ", taken.stream().map(Enum::name).toList()));
        return false;
    }

    private static Optional<CronSchedule> parse(String field, String expression, ZoneId zone, Problems problems) {
        if (expression == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(CronSchedule.parse(expression, zone));
        } catch (IllegalArgumentException e) {
            problems.error(field, e.getMessage());
            return Optional.empty();
        }
    }

    private static void schedulingWarnings(Scheduling scheduling, Map<String, CronSchedule> crons, ZoneId zone,
            Problems problems) {
        if (scheduling.misfireCap() != null && scheduling.misfireOrDefault() != MisfireHandling.FIRE_ALL) {
            problems.warn("scheduling.misfireCap", "is set to " + scheduling.misfireCap() + " but misfire is "
                    + scheduling.misfireOrDefault() + ": only FIRE_ALL uses the cap");
        }
        Duration window = scheduling.staggerWindow();
        if (window == null || !StorageRules.isPositive(window)) {
            return;
        }
        crons.forEach((name, cron) -> ScheduleGaps.shortest(cron, zone).filter(gap -> window.compareTo(gap) > 0)
                .ifPresent(gap -> problems.warn("scheduling.staggerWindow", "stagger window " + window
                        + " is wider than the shortest gap between runs of " + name + " (" + gap
                        + "): a run may be shifted past the next scheduled one")));
    }
}
