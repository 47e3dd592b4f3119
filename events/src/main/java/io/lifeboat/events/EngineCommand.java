package io.lifeboat.events;

/**
 * A command handled by the agent of one engine; its topic is {@link Topics#commandsFor(Engine)}.
 */
public interface EngineCommand extends Command {

    /**
     * Returns the engine of the target, which selects the command topic and so the agent.
     *
     * @return the engine, never {@code null}
     */
    Engine engine();
}
