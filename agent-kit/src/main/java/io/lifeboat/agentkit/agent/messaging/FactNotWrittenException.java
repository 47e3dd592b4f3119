package io.lifeboat.agentkit.agent.messaging;

import io.lifeboat.events.envelope.Envelope;

/** A fact was not acknowledged by the broker; the command that caused it must not be acknowledged either. */
public class FactNotWrittenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The failure to write {@code fact}, naming its type, id and target. */
    public FactNotWrittenException(Envelope<?> fact, Throwable cause) {
        super("unable to write " + fact.type() + " '" + fact.id() + "' of target '" + fact.subject() + "': "
                + cause, cause);
    }
}
