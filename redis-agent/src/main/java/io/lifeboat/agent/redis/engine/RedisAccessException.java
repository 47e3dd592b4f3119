package io.lifeboat.agent.redis.engine;

/** A Redis server could not be reached, refused the agent's credentials, or answered a command with an error. */
public class RedisAccessException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The failure; {@code message} names the server and the cause. */
    public RedisAccessException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A failure without an underlying exception. */
    public RedisAccessException(String message) {
        super(message);
    }
}
