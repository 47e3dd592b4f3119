package io.lifeboat.cli.chaos.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class StreamsTroubleTest {

    @Test
    void namesEachDeadThreadOnceAndAFailedClient() {
        List<String> log = List.of(
                "INFO stream-thread [app-1-StreamThread-1] State transition from RUNNING to PARTITIONS_REVOKED",
                "ERROR stream-thread [app-1-StreamThread-1] Encountered the following exception during processing "
                        + "and the thread is going to shut down:",
                "INFO stream-thread [app-1-StreamThread-1] State transition from RUNNING to PENDING_SHUTDOWN",
                "INFO stream-thread [app-1-StreamThread-1] State transition from PENDING_SHUTDOWN to DEAD",
                "INFO stream-client [app-1] State transition from RUNNING to PENDING_ERROR");

        assertThat(StreamsTrouble.scan(log)).containsExactly("stream thread app-1-StreamThread-1 died: ERROR "
                + "stream-thread [app-1-StreamThread-1] Encountered the following exception during processing and "
                + "the thread is going to shut down:",
                "Kafka Streams client app-1 went from RUNNING to PENDING_ERROR");
    }

    @Test
    void rebalancesAndRecoveredTasksAreNoTrouble() {
        assertThat(StreamsTrouble.scan(List.of(
                "INFO stream-thread [a-StreamThread-1] State transition from RUNNING to PARTITIONS_ASSIGNED",
                "INFO stream-client [a] State transition from RUNNING to REBALANCING",
                "WARN stream-thread [a-StreamThread-1] Detected that the thread is being fenced"))).isEmpty();
    }
}
