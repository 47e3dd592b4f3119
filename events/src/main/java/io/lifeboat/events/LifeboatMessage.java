package io.lifeboat.events;

/**
 * A command or fact that travels on a Lifeboat topic; every message concerns exactly one target.
 */
public interface LifeboatMessage {

    /**
     * Returns the id of the target (database or path being protected) this message concerns.
     *
     * @return the target id, never blank
     */
    String targetId();

    /**
     * Returns the Kafka record key: the aggregate id that keeps messages of one aggregate in order.
     *
     * @return the target id unless the message type keys by another aggregate
     */
    default String key() {
        return targetId();
    }
}
