package io.lifeboat.dr.domain;

/**
 * Why a target is restored into a new instance; each scenario chooses its recovery point differently.
 */
public enum RestoreScenario {
    /** The data is corrupt: recover to the newest verified backup taken before the corruption was detected. */
    CORRUPTION("corruption"),
    /** Data was deleted or overwritten: replay the log to just before the loss. */
    DATA_LOSS("data-loss"),
    /** An operator asked for the state at a given instant: replay the log to that instant. */
    POINT_IN_TIME("point-in-time");

    private final String slug;

    RestoreScenario(String slug) {
        this.slug = slug;
    }

    /**
     * Returns the scenario as it appears in runbook ids.
     *
     * @return e.g. {@code data-loss}
     */
    public String slug() {
        return slug;
    }
}
