package io.lifeboat.dr.postgres;

import java.util.Optional;

/**
 * What fencing a member did, layer by layer, and whether the member is now provably fenced.
 *
 * @param member the member's name
 * @param readOnly how the read-only layer went
 * @param command how the fence command ended; null when none is configured
 * @param proof what shows the member is fenced, or {@link FenceProof#NONE}
 * @param after the member as inspected after fencing
 */
public record FenceResult(String member, ReadOnlyOutcome readOnly, CommandOutcome command, FenceProof proof,
        PgMemberState after) {

    /**
     * Whether the member provably accepts no writes from ordinary clients; when false the caller must treat the old
     * primary as possibly writable and rely on {@link FenceOnReturn}.
     *
     * @return true when {@link #proof()} is not {@link FenceProof#NONE}
     */
    public boolean provablyFenced() {
        return proof != FenceProof.NONE;
    }

    /**
     * How the fence command ended.
     *
     * @return the outcome, or empty when no command is configured
     */
    public Optional<CommandOutcome> commandOutcome() {
        return Optional.ofNullable(command);
    }

    /**
     * One line naming the member, what each layer did and whether it is provably fenced.
     *
     * @return the summary
     */
    public String summary() {
        String commandPart = command == null ? "no fence command configured" : "fence command " + command.summary();
        String verdict = provablyFenced()
                ? "provably fenced: " + proof.description()
                : "NOT provably fenced, rely on the check on its return";
        return "PostgreSQL member '" + member + "': " + readOnly.summary() + "; " + commandPart + "; " + verdict;
    }
}
