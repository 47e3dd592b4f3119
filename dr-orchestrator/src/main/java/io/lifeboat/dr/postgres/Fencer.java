package io.lifeboat.dr.postgres;

import java.time.Duration;

/**
 * Fences an old primary so that it never accepts writes again, in two layers: the read-only layer over SQL when the
 * member answers (see {@link ReadOnlyFence}: a default read-only setting that survives restarts, plus every client
 * session cut) and the optional {@link FenceCommand}, which stops it whatever its state. A new inspection then says
 * whether the member is provably fenced. Running it again is harmless: the setting is already on, there are no
 * sessions left to cut, and the command must succeed on a stopped member.
 */
public final class Fencer {

    private final FenceCommand command;
    private final PgInspector inspector;

    /** A fencer with the read-only layer only. */
    public Fencer() {
        this(null);
    }

    /**
     * A fencer with both layers.
     *
     * @param command the fence command run after the read-only layer; null for none
     */
    public Fencer(FenceCommand command) {
        this.command = command;
        this.inspector = new PgInspector();
    }

    /**
     * Fences {@code member}; never throws for an unreachable or failing member, the result says what happened.
     *
     * @param member the old primary
     * @param timeout the limit for each session (connecting and each statement)
     * @return what each layer did and whether the member is provably fenced
     */
    public FenceResult fence(PgEndpoint member, Duration timeout) {
        ReadOnlyOutcome readOnly = ReadOnlyFence.apply(member, timeout);
        CommandOutcome commandOutcome = command == null ? null : FenceCommandRunner.run(command);
        PgMemberState after = inspector.inspect(member, timeout);
        return new FenceResult(member.name(), readOnly, commandOutcome, proof(after, commandOutcome), after);
    }

    static FenceProof proof(PgMemberState after, CommandOutcome commandOutcome) {
        if (!after.reachable()) {
            // Unreachable from here is not proof: clients on another network may still reach it.
            return commandOutcome != null && commandOutcome.succeeded()
                    ? FenceProof.STOPPED_BY_COMMAND
                    : FenceProof.NONE;
        }
        if (Boolean.TRUE.equals(after.readOnlyDefault())) {
            return FenceProof.READ_ONLY_CONFIRMED;
        }
        return Boolean.TRUE.equals(after.inRecovery()) ? FenceProof.IN_RECOVERY : FenceProof.NONE;
    }
}
