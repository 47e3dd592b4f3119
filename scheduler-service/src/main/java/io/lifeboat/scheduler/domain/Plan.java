package io.lifeboat.scheduler.domain;

import java.util.List;

import io.lifeboat.events.Command;
import io.lifeboat.events.schedule.RunSkipped;

/**
 * What one decision for a target publishes: commands to issue and runs skipped.
 *
 * @param commands RunBackup, VerifyBackup and StartDrill commands, in slot order
 * @param skipped runs not issued, with the reason
 */
public record Plan(List<Command> commands, List<RunSkipped> skipped) {

    /**
     * Tells whether the decision publishes nothing.
     *
     * @return true when there is neither a command nor a skipped run
     */
    public boolean isEmpty() {
        return commands.isEmpty() && skipped.isEmpty();
    }
}
