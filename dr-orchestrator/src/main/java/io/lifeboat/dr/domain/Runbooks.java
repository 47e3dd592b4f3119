package io.lifeboat.dr.domain;

import static io.lifeboat.dr.domain.StepDefinition.automatic;

import java.util.ArrayList;
import java.util.List;

import io.lifeboat.events.dr.RestoreScenario;

/**
 * The runbooks the orchestrator knows, with stable step ids the executor dispatches on.
 */
public final class Runbooks {

    /** Id of the PostgreSQL primary failover runbook. */
    public static final String POSTGRES_PRIMARY_FAILURE = "postgres-primary-failure";
    /** Id of the drill runbook. */
    public static final String DRILL = "drill";
    /** Step choosing the backup and point a restore recovers to. */
    public static final String CHOOSE_RECOVERY_POINT = "choose-recovery-point";
    /** Step asking the agent to restore into a new instance. */
    public static final String RESTORE_INTO_NEW_INSTANCE = "restore-into-new-instance";
    /** Step waiting for the agent's restore outcome. */
    public static final String AWAIT_RESTORE = "await-restore";
    /** Step checking the restored instance. */
    public static final String VERIFY_RESTORE = "verify-restore";
    /** Step reporting the outcome. */
    public static final String REPORT = "report";
    /** Approved step switching clients to the restored instance. */
    public static final String CUTOVER = "cutover";
    /** Drill step picking the backup. */
    public static final String PICK_BACKUP = "pick-backup";
    /** Drill step asking the agent to restore into a scratch instance. */
    public static final String RESTORE_INTO_SCRATCH = "restore-into-scratch";
    /** Drill step running the data checks. */
    public static final String CHECK_DATA = "check-data";
    /** Prefix of the complete-failure step restoring one dependency layer, followed by its number from 1. */
    public static final String RESTORE_LAYER = "restore-layer-";
    /** Prefix of the complete-failure step waiting for one dependency layer. */
    public static final String AWAIT_LAYER = "await-layer-";
    /** Drill step leaving the scratch instance to be removed. */
    public static final String CLEAN_UP = "clean-up";

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
            case DATA_LOSS -> "Choose the backup before the loss and replay the log to just before it";
            case POINT_IN_TIME -> "Choose the backup and log that reach the requested instant";
            case COMPLETE_FAILURE -> throw new IllegalArgumentException("a complete failure restores a recovery "
                    + "group: use completeFailure(group)");
        };
        return new Runbook(restoreRunbookId(scenario), RunbookKind.RESTORE, List.of(
                automatic(CHOOSE_RECOVERY_POINT, recoveryPoint),
                automatic(RESTORE_INTO_NEW_INSTANCE, "Ask the target's agent to restore into a new instance; the "
                        + "damaged instance is kept as it is for forensics"),
                automatic(AWAIT_RESTORE, "Wait for the agent to report the restore completed or failed"),
                automatic(VERIFY_RESTORE, "Check that the new instance accepts queries, holds the expected data and "
                        + "reached the requested point"),
                automatic(REPORT, "Report what was restored, to which point, by whom and how long it took"),
                new StepDefinition(CUTOVER, "Switch clients to the new instance (blue/green): a separate, approved "
                        + "step; the damaged instance is kept for forensics", true)));
    }

    /**
     * Returns the id of the restore runbook of a scenario.
     *
     * @param scenario the scenario
     * @return e.g. {@code restore-point-in-time}
     */
    public static String restoreRunbookId(RestoreScenario scenario) {
        return "restore-" + scenario.slug();
    }

    /**
     * Restores every target of a group after a complete failure: per dependency layer one step asks the agents to
     * restore all its targets at once (they depend on none of each other) and one waits for all of them, so a layer
     * starts only after everything it depends on is back.
     *
     * @param group the targets and their dependencies
     * @return the runbook: restore-layer-1, await-layer-1, ..., report
     * @throws IllegalArgumentException when the dependencies form a cycle
     */
    public static Runbook completeFailure(RecoveryGroup group) {
        List<List<String>> layers = group.layers();
        List<StepDefinition> steps = new ArrayList<>();
        for (int layer = 1; layer <= layers.size(); layer++) {
            List<String> targets = layers.get(layer - 1);
            steps.add(automatic(RESTORE_LAYER + layer, "Ask the agents to restore " + targets + " (layer " + layer
                    + " of " + layers.size() + ") to their newest recovery point, in parallel"));
            steps.add(automatic(AWAIT_LAYER + layer, "Wait until every target of layer " + layer + " is restored"));
        }
        steps.add(automatic(REPORT, "Report every target's restored point and time"));
        return new Runbook(completeFailureRunbookId(group.groupId()), RunbookKind.COMPLETE_FAILURE, steps);
    }

    /**
     * Returns the id of a group's complete-failure runbook.
     *
     * @param groupId the group
     * @return {@code complete-failure-<groupId>}
     */
    public static String completeFailureRunbookId(String groupId) {
        return "complete-failure-" + groupId;
    }

    /**
     * Rehearses a restore into a scratch instance and measures it against the RTO.
     *
     * @return the drill runbook
     */
    public static Runbook drill() {
        return new Runbook(DRILL, RunbookKind.DRILL, List.of(
                automatic(PICK_BACKUP, "Pick the backup to restore: the one asked for, else the newest completed"),
                automatic(RESTORE_INTO_SCRATCH, "Ask the target's agent to restore into a scratch instance, never "
                        + "the target itself"),
                automatic(AWAIT_RESTORE, "Wait for the agent to report the restore completed or failed"),
                automatic(CHECK_DATA, "Run the data checks against the scratch instance"),
                automatic(REPORT, "Measure the restore time against the RTO (a drill over 1.2 x RTO fails) and the "
                        + "age of the restored point, and publish DrillCompleted with the verdict"),
                automatic(CLEAN_UP, "Leave the scratch instance to the agent, which removes it when its time is up, "
                        + "whether the drill passed or not")));
    }

}
