package io.lifeboat.testkit.kafka;

/** Where a node's server runs, in this JVM or in a child JVM: started, stopped in order, and whether it runs. */
interface KafkaNodeRunner {

    /** Starts the node's server on its ports and data; returns once it has started (a child JVM: once launched). */
    void start();

    /** Stops the server the way a drained broker leaves: controlled shutdown, logs flushed. */
    void stop();

    /** Whether the server was started and has not been stopped or killed since. */
    boolean running();
}
