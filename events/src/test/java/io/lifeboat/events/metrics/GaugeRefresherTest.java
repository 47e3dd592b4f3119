package io.lifeboat.events.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class GaugeRefresherTest {

    @Test
    void refreshesAgainAfterARefreshThatFailedExpectedlyOrNot() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(3);
        try (GaugeRefresher refresher = GaugeRefresher.every("test-metrics", Duration.ofMillis(1), () -> {
            third.countDown();
            switch (calls.incrementAndGet()) {
                case 1 -> throw new IllegalStateException("starting");
                case 2 -> throw new UnsupportedOperationException("a bug");
                default -> {
                    // A refresh that works.
                }
            }
        }, IllegalStateException.class)) {
            assertThat(third.await(30, TimeUnit.SECONDS)).as("a third refresh after two failures").isTrue();
        }
    }

    @Test
    void closingStopsTheRefreshes() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch first = new CountDownLatch(1);
        GaugeRefresher refresher = GaugeRefresher.every("test-metrics", Duration.ofMillis(1), () -> {
            calls.incrementAndGet();
            first.countDown();
        });
        assertThat(first.await(30, TimeUnit.SECONDS)).isTrue();

        refresher.close();
        int afterClose = calls.get();
        Thread.sleep(50);

        // At most the refresh that was under way when close was called.
        assertThat(calls.get()).isLessThanOrEqualTo(afterClose + 1);
    }
}
