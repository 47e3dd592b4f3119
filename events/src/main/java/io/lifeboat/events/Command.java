package io.lifeboat.events;

import java.time.Instant;

/**
 * A request for work that has exactly one handler; redelivery of the same {@link #commandId()} must not repeat the work.
 */
public interface Command extends LifeboatMessage {

    /**
     * Returns the idempotency key of this command, chosen by the requester.
     *
     * @return the command id, never blank
     */
    String commandId();

    /**
     * Returns who asked for the work: a service name, a user or an external system.
     *
     * @return the requester, never blank
     */
    String requestedBy();

    /**
     * Returns the instant after which the handler must not start the work.
     *
     * @return the deadline, or {@code null} when there is none
     */
    Instant deadline();

    /**
     * Returns the attempt number, starting at 1, that the requester increments on each retry.
     *
     * @return the attempt, at least 1
     */
    int attempt();
}
