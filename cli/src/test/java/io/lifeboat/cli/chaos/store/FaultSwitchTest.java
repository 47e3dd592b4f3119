package io.lifeboat.cli.chaos.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultSwitchTest {

    @Test
    void failsNothingWhileClosedButCountsTheRequests() {
        FaultSwitch faults = new FaultSwitch(1.0, 7);

        for (int i = 0; i < 100; i++) {
            assertThat(faults.failNext()).isFalse();
        }

        assertThat(faults.requests()).isEqualTo(100);
        assertThat(faults.requestsInWindow()).isZero();
        assertThat(faults.injected()).isZero();
    }

    @Test
    void failsAboutTheShareOfRequestsWhileOpenAndTheSameOnesForTheSameSeed() {
        FaultSwitch first = new FaultSwitch(0.10, 42);
        FaultSwitch second = new FaultSwitch(0.10, 42);
        first.open();
        second.open();
        StringBuilder firstDraws = new StringBuilder();
        StringBuilder secondDraws = new StringBuilder();

        for (int i = 0; i < 10_000; i++) {
            firstDraws.append(first.failNext() ? 'x' : '.');
            secondDraws.append(second.failNext() ? 'x' : '.');
        }

        assertThat(first.requestsInWindow()).isEqualTo(10_000);
        assertThat(first.injected()).isBetween(900L, 1100L);
        assertThat(firstDraws.toString()).isEqualTo(secondDraws.toString());
    }

    @Test
    void stopsFailingOnceClosedAgain() {
        FaultSwitch faults = new FaultSwitch(1.0, 1);
        faults.open();
        assertThat(faults.failNext()).isTrue();

        faults.close();

        assertThat(faults.failNext()).isFalse();
        assertThat(faults.requests()).isEqualTo(2);
        assertThat(faults.requestsInWindow()).isEqualTo(1);
        assertThat(faults.injected()).isEqualTo(1);
    }

    @Test
    void refusesAShareOutsideZeroToOne() {
        assertThatThrownBy(() -> new FaultSwitch(1.5, 1)).hasMessageContaining("fault share 1.5");
    }
}
