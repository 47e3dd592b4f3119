package io.lifeboat.agentkit.agent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TargetQueueTest {

    @Test
    void startsJobsOfDifferentTargetsUpToTheConcurrencyInArrivalOrder() {
        TargetQueue<String> queue = new TargetQueue<>(2);
        queue.add("a", "a1");
        queue.add("b", "b1");
        queue.add("c", "c1");

        assertThat(queue.startable()).containsExactly("a1", "b1");
        assertThat(queue.startable()).isEmpty();
        assertThat(queue.running()).isEqualTo(2);
        assertThat(queue.waiting()).isEqualTo(1);
    }

    @Test
    void holdsASecondJobOfABusyTargetWithoutHoldingOtherTargets() {
        TargetQueue<String> queue = new TargetQueue<>(3);
        queue.add("a", "a1");
        queue.add("a", "a2");
        queue.add("b", "b1");

        assertThat(queue.startable()).containsExactly("a1", "b1");
        queue.finished("b");
        assertThat(queue.startable()).isEmpty();
        queue.finished("a");
        assertThat(queue.startable()).containsExactly("a2");
    }

    @Test
    void freesASlotForTheOldestWaitingJobWhenOneFinishes() {
        TargetQueue<String> queue = new TargetQueue<>(1);
        queue.add("a", "a1");
        queue.add("b", "b1");
        queue.add("c", "c1");
        assertThat(queue.startable()).containsExactly("a1");

        queue.finished("a");

        assertThat(queue.startable()).containsExactly("b1");
    }

    @Test
    void clearsOnlyWaitingJobsAndRefusesToFinishAnIdleTarget() {
        TargetQueue<String> queue = new TargetQueue<>(1);
        queue.add("a", "a1");
        queue.add("b", "b1");
        queue.startable();

        assertThat(queue.clearWaiting()).containsExactly("b1");
        assertThat(queue.running()).isEqualTo(1);
        assertThatThrownBy(() -> queue.finished("b")).hasMessageContaining("'b'");
        assertThatThrownBy(() -> new TargetQueue<String>(0)).hasMessageContaining("concurrency 0");
    }
}
