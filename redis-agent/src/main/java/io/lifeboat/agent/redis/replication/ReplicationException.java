package io.lifeboat.agent.redis.replication;

import java.io.IOException;

/** A replication fetch that failed; the message names the source server and the cause. */
public class ReplicationException extends IOException {

    private static final long serialVersionUID = 1L;

    public ReplicationException(String message) {
        super(message);
    }

    public ReplicationException(String message, Throwable cause) {
        super(message, cause);
    }
}
