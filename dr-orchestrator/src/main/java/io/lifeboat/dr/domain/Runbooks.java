package io.lifeboat.dr.domain;

import static io.lifeboat.dr.domain.StepDefinition.automatic;

import java.util.ArrayList;
import java.util.List;

/**
 * The runbooks the orchestrator knows, with stable step ids the executor dispatches on.
 */
public final class Runbooks {

    /** Id of the PostgreSQL primary failover runbook. */
    public static final String POSTGRES_PRIMARY_FAILURE = "postgres-primary-failure";
    /** Id of the drill runbook. */
    public static final String DRILL = "drill";

    private Runbooks() {
    }

    /**
     * Fences the failed PostgreSQL primary and promotes the fittest standby.
     *
     * @return the failover runbook
     */
    public static Runbook postgresPrimaryFailure() {
        return new Runbook(POSTGRES_PRIMARY_FAILURE, RunbookKind.FAILOVER, List.of(
                automatic("check-quorum", "Confirm that a majority of the configured monitors report the primary "
                        + "UNHEALTHY; one partitioned monitor must not cause a failover"),
                automatic("check-standby", "Pick the standby to promote: reachable, role standby, replication lag "
                        + "within the maximum lag on failover"),
                automatic("fence-primary", "Fence the old primary so that it can never accept writes again, even "
                        + "if it comes back: two writable primaries lose data"),
                automatic("promote-standby", "Promote the chosen standby; a standby already out of recovery is "
                        + "taken as promoted"),
                automatic("verify-writable", "Verify that the new primary accepts a write"),
                automatic("announce", "Publish FailoverCompleted so that clients and the catalog follow the new "
                        + "primary"),
                automatic("follow-new-timeline", "Ask the pg-agent to archive WAL from the new primary on its new "
                        + "timeline"),
                automatic("request-full-backup", "Request a full backup of the new primary: recovery points on the "
                        + "new timeline start from it")));
    }

    /**
     * Restores a target into a new instance, leaving the damaged one untouched for forensics.
     *
     * @param scenario why the target is restored
     * @return the restore runbook of that scenario
     */
    public static Runbook restoreToNewInstance(RestoreScenario scenario) {
        String recoveryPoint = switch (scenario) {
            case CORRUPTION -> "Choose the newest verified backup taken before the corruption was detected";
            case DATA_LOSS -> "Choose the recovery point just before the loss, replaying the log up to it";
            case POINT_IN_TIME -> "Choose the backup and log that reach the requested instant";
        };
        return new Runbook("restore-" + scenario.slug(), RunbookKind.RESTORE, List.of(
                automatic("choose-recovery-point", recoveryPoint),
                automatic("restore-into-new-instance", "Restore into a new instance; the damaged instance is kept "
                        + "as it is for forensics"),
                automatic("verify-restore", "Check that the new instance accepts queries and holds the expected "
                        + "data"),
                automatic("report", "Report what was restored, to which point, by whom and how long it took"),
                new StepDefinition("cutover", "Switch clients to the new instance (blue/green); a separate "
                        + "approved step, and the damaged instance is kept for forensics", true)));
    }

    /**
     * Restores every target of a group after a complete failure, a target only after all it depends on.
     *
     * @param group the targets and their dependencies
     * @return one restore step per target, ordered by dependency layer
     * @throws IllegalArgumentException when the dependencies form a cycle
     */
    public static Runbook completeFailure(RecoveryGroup group) {
        List<List<String>> layers = group.layers();
        List<StepDefinition> steps = new ArrayList<>();
        for (int layer = 0; layer < layers.size(); layer++) {
            for (String target : layers.get(layer)) {
                List<String> before = group.dependsOn().get(target).stream().sorted().toList();
                steps.add(automatic(restoreStepId(target), "Restore target '" + target + "' (layer " + (layer + 1)
                        + " of " + layers.size() + (before.isEmpty()
                                ? ", depends on nothing)"
                                : ", after " + before
                                        + ")")));
            }
        }
        return new Runbook("complete-failure-" + group.groupId(), RunbookKind.COMPLETE_FAILURE, steps);
    }

    /**
     * Rehearses a restore into a scratch instance and measures it against the RTO.
     *
     * @return the drill runbook
     */
    public static Runbook drill() {
        return new Runbook(DRILL, RunbookKind.DRILL, List.of(
                automatic("pick-backup", "Pick the backup to restore: the one asked for, else the newest completed"),
                automatic("restore-into-scratch", "Restore into a scratch instance, never the target itself"),
                automatic("check-data", "Run the data checks against the scratch instance"),
                automatic("measure", "Measure the restore time against the RTO and the age of the backup"),
                automatic("report", "Publish DrillCompleted with the verdict"),
                automatic("clean-up", "Remove the scratch instance, whether the drill passed or not")));
    }

    /**
     * Returns the id of the step that restores one target in a complete-failure runbook.
     *
     * @param targetId id of the target
     * @return {@code restore-<targetId>}
     */
    public static String restoreStepId(String targetId) {
        return "restore-" + targetId;
    }
}
