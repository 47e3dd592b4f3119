package io.lifeboat.cli.ops.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The tables of the read-only verbs: {@code targets}, {@code backups} and {@code rpo}. */
public final class Reports {

    /** Worst first: the highest lag against the RPO; targets without an RPO last, each group by id. */
    public static final Comparator<TargetSummary> WORST_FIRST = Comparator
            .comparing((TargetSummary t) -> t.lagRatio() < 0)
            .thenComparing(Comparator.comparingDouble(TargetSummary::lagRatio).reversed())
            .thenComparing(TargetSummary::targetId);

    private Reports() {
    }

    /**
     * One target of the {@code rpo} verb's JSON.
     *
     * @param targetId id of the target
     * @param lagSeconds lag in seconds, or null without policy
     * @param rpoSeconds RPO in seconds, or null without policy
     * @param lagRatio lag as a fraction of the RPO, or null without RPO
     * @param breach whether the target is over its RPO
     */
    public record RpoLine(String targetId, Long lagSeconds, Long rpoSeconds, Double lagRatio, boolean breach) {
    }

    /** The targets worst first, as {@link RpoLine}s. */
    public static List<RpoLine> rpoLines(List<TargetSummary> targets) {
        return sorted(targets).stream().map(t -> new RpoLine(t.targetId(), t.lagSeconds(), t.rpoSeconds(),
                t.lagRatio() < 0 ? null : t.lagRatio(), t.inBreach())).toList();
    }

    /** One line per target in the catalog's order: id, engine, status, lag against RPO, newest backup. */
    public static String targets(List<TargetSummary> targets) {
        TextTable table = new TextTable(List.of("TARGET", "ENGINE", "STATUS", "LAG", "RPO", "NEWEST BACKUP",
                "COMPLETED"), Set.of(3, 4));
        for (TargetSummary t : targets) {
            table.row(t.targetId(), t.engine(), t.status(), Human.duration(t.lagSeconds()),
                    Human.duration(t.rpoSeconds()), t.newestBackupId(), Human.instant(t.newestBackupAt()));
        }
        return table.render();
    }

    /** One line per backup, in the order given (the catalog's: newest first). */
    public static String backups(List<BackupSummary> backups) {
        TextTable table = new TextTable(List.of("BACKUP", "TYPE", "PHASE", "COMPLETED", "SIZE", "VERIFIED"),
                Set.of(4));
        for (BackupSummary b : backups) {
            table.row(b.backupId(), b.type(), b.phase(), Human.instant(b.completedAt()), Human.size(b.storedBytes()),
                    Human.instant(b.verifiedAt()));
        }
        return table.render();
    }

    /** The targets sorted by {@link #WORST_FIRST}, each with its lag as a share of its RPO and a breach mark. */
    public static String rpo(List<TargetSummary> targets) {
        TextTable table = new TextTable(List.of("TARGET", "LAG", "RPO", "OF RPO", "STATE"), Set.of(1, 2, 3));
        for (TargetSummary t : sorted(targets)) {
            String share = t.lagRatio() < 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", t.lagRatio() * 100);
            String state = t.lagRatio() < 0 ? "NO RPO" : t.inBreach() ? "BREACH" : "OK";
            table.row(t.targetId(), Human.duration(t.lagSeconds()), Human.duration(t.rpoSeconds()), share, state);
        }
        return table.render();
    }

    /** The targets worst first. */
    public static List<TargetSummary> sorted(List<TargetSummary> targets) {
        return targets.stream().sorted(WORST_FIRST).toList();
    }

    /** The ids of the targets over their RPO, worst first. */
    public static List<String> breaches(List<TargetSummary> targets) {
        return sorted(targets).stream().filter(TargetSummary::inBreach).map(TargetSummary::targetId).toList();
    }
}
