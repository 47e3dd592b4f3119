package io.lifeboat.events.dr;

/**
 * Why a target is restored into a new instance; each scenario chooses its recovery point differently.
 */
public enum RestoreScenario {
    /** The data is corrupt: restore the newest verified backup taken before the corruption was detected. */
    CORRUPTION,
    /** Data was deleted or overwritten: replay the log to just before the loss, the loss itself excluded. */
    DATA_LOSS,
    /** An operator asked for the state at a given instant: replay the log to that instant. */
    POINT_IN_TIME,
    /** Everything is gone: restore every target of a recovery group to its newest point, in dependency order. */
    COMPLETE_FAILURE;

    /**
     * Returns the scenario as it appears in runbook ids.
     *
     * @return e.g. {@code data-loss}
     */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
