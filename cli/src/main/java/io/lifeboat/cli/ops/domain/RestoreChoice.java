package io.lifeboat.cli.ops.domain;

import java.time.Instant;

import io.lifeboat.events.dr.RestoreScenario;

/**
 * What a {@code StartRestore} asks for, resolved from the {@code restore} verb's options.
 *
 * @param scenario why the target is restored
 * @param pointInTime the instant of the scenario, or null
 * @param backupId the backup to restore from, or null for the orchestrator's choice
 */
public record RestoreChoice(RestoreScenario scenario, Instant pointInTime, String backupId) {

    /**
     * Resolves the options; exactly one of {@code at}, {@code backupId} and {@code latestBefore} is given, except
     * for a COMPLETE_FAILURE, which takes none.
     *
     * @param scenario the {@code --scenario} given, or null
     * @param at {@code --at}: replay the log to this instant (or, with DATA_LOSS, to just before it)
     * @param backupId {@code --backup}: restore this backup as it is, no replay
     * @param latestBefore {@code --latest-before}: the newest backup completed before this instant, verified ones
     *        preferred, no replay
     * @return the choice
     * @throws IllegalArgumentException naming the options that do not go together
     */
    public static RestoreChoice of(RestoreScenario scenario, Instant at, String backupId, Instant latestBefore) {
        int given = (at != null ? 1 : 0) + (backupId != null ? 1 : 0) + (latestBefore != null ? 1 : 0);
        if (scenario == RestoreScenario.COMPLETE_FAILURE) {
            if (given > 0) {
                throw new IllegalArgumentException("--scenario COMPLETE_FAILURE restores every target of a recovery "
                        + "group to its newest point: give no --at, --backup or --latest-before");
            }
            return new RestoreChoice(scenario, null, null);
        }
        if (given != 1) {
            throw new IllegalArgumentException("give exactly one of --at TIME, --backup ID or --latest-before TIME");
        }
        if (at != null) {
            RestoreScenario chosen = scenario == null ? RestoreScenario.POINT_IN_TIME : scenario;
            return new RestoreChoice(chosen, at, null);
        }
        // The orchestrator restores a named or "newest before" backup without replay only as CORRUPTION.
        if (scenario != null && scenario != RestoreScenario.CORRUPTION) {
            throw new IllegalArgumentException("--scenario " + scenario + " replays the log to a point: give it --at "
                    + "TIME; --backup and --latest-before restore a backup as it is (scenario CORRUPTION)");
        }
        return backupId != null
                ? new RestoreChoice(RestoreScenario.CORRUPTION, null, backupId)
                : new RestoreChoice(RestoreScenario.CORRUPTION, latestBefore, null);
    }
}
