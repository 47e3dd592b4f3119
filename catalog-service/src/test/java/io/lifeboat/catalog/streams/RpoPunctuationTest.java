package io.lifeboat.catalog.streams;

import static io.lifeboat.catalog.testing.Facts.archived;
import static io.lifeboat.catalog.testing.Facts.completed;
import static io.lifeboat.catalog.testing.Facts.gap;
import static io.lifeboat.catalog.testing.Facts.policy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.lifeboat.catalog.testing.Facts;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Topics;
import io.lifeboat.events.rpo.RpoBreached;
import io.lifeboat.events.rpo.RpoLagMeasured;
import io.lifeboat.events.rpo.RpoRestored;

/** RPO lag on wall-clock time: it grows while nothing happens, resets on a backup, and breaches fire once each. */
class RpoPunctuationTest {

    private static final Instant T0 = Instant.parse("2026-11-21T02:00:00Z");
    private static final String DB = "orders-db";
    private static final Duration RPO = Duration.ofMinutes(5);

    private final CatalogDriver driver = new CatalogDriver(T0);

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void lagGrowsWithTheClockWhenNothingArrivesAndABackupResetsIt() {
        driver.send(policy(DB, RPO, Facts.KEEP_MUCH, T0));
        driver.send(completed(DB, "b1", T0));
        driver.read(Topics.RPO.name());

        driver.advance(Duration.ofSeconds(30));
        RpoLagMeasured first = last(driver.read(Topics.RPO.name(), RpoLagMeasured.class));
        driver.advance(Duration.ofSeconds(30));
        RpoLagMeasured second = last(driver.read(Topics.RPO.name(), RpoLagMeasured.class));

        assertThat(first.lag()).isEqualTo(Duration.ofSeconds(30));
        assertThat(second.lag()).isEqualTo(Duration.ofSeconds(60));
        assertThat(second.restorablePoint()).isEqualTo(T0);

        driver.send(completed(DB, "b2", driver.now().minusSeconds(2)));
        RpoLagMeasured reset = last(driver.read(Topics.RPO.name(), RpoLagMeasured.class));
        assertThat(reset.lag()).isEqualTo(Duration.ofSeconds(2));
        assertThat(reset.restorablePoint()).isEqualTo(driver.now().minusSeconds(2));
    }

    @Test
    void breachAndRestoreFireOnceEach() {
        driver.send(policy(DB, RPO, Facts.KEEP_MUCH, T0));
        driver.send(completed(DB, "b1", T0));

        for (int i = 0; i < 12; i++) {
            driver.advance(Duration.ofSeconds(60));
        }
        List<LifeboatMessage> edges = driver.read(Topics.RPO_EVENTS.name());
        assertThat(edges).hasSize(1).first().isInstanceOf(RpoBreached.class);
        RpoBreached breach = (RpoBreached) edges.get(0);
        assertThat(breach.lag()).isGreaterThan(RPO).isLessThanOrEqualTo(RPO.plusSeconds(60));
        assertThat(breach.restorablePoint()).isEqualTo(T0);
        assertThat(last(driver.read(Topics.RPO.name(), RpoLagMeasured.class)).breached()).isTrue();
        assertThat(driver.target(DB).getRpo().breached()).isTrue();

        driver.send(completed(DB, "b2", driver.now()));
        for (int i = 0; i < 3; i++) {
            driver.advance(Duration.ofSeconds(60));
        }
        edges = driver.read(Topics.RPO_EVENTS.name());
        assertThat(edges).hasSize(1).first().isInstanceOf(RpoRestored.class);
        RpoRestored restored = (RpoRestored) edges.get(0);
        assertThat(restored.lag()).isZero();
        assertThat(restored.breachDuration()).isPositive();
        assertThat(driver.target(DB).getRpo().breached()).isFalse();
    }

    @Test
    void doesNotEndABreachWhileTheLagHoversJustBelowTheRpo() {
        driver.send(policy(DB, RPO, Facts.KEEP_MUCH, T0));
        driver.send(completed(DB, "b1", T0));
        driver.advance(Duration.ofMinutes(6));
        assertThat(driver.read(Topics.RPO_EVENTS.name())).hasSize(1);

        // 4.5 minutes of lag: within the RPO, but not below 80 % of it.
        driver.send(completed(DB, "b2", driver.now().minusSeconds(270)));
        driver.advance(Duration.ofSeconds(1));

        assertThat(driver.read(Topics.RPO_EVENTS.name())).isEmpty();
        assertThat(driver.target(DB).getRpo().breached()).isTrue();
    }

    @Test
    void countsTheArchiveTipOfAnIdleDatabaseAsRestorableUpToWhenItWasObserved() {
        driver.send(policy(DB, RPO, Facts.KEEP_MUCH, T0));
        driver.send(completed(DB, "b1", T0));
        driver.advance(Duration.ofMinutes(10));
        // Nothing committed since T0 + 1 min, and all of it archived: restorable up to the observation.
        Instant observed = driver.now().minusSeconds(10);
        driver.send(archived(DB, T0.plusSeconds(60), T0.plusSeconds(60), observed));

        RpoLagMeasured lag = last(driver.read(Topics.RPO.name(), RpoLagMeasured.class));
        assertThat(lag.restorablePoint()).isEqualTo(observed);
        assertThat(lag.lag()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void countsHowFarTheArchiveTrailsTheSourceHead() {
        driver.send(policy(DB, RPO, Facts.KEEP_MUCH, T0));
        driver.send(completed(DB, "b1", T0));
        driver.advance(Duration.ofMinutes(10));
        Instant observed = driver.now();
        driver.send(archived(DB, observed.minusSeconds(120), observed.minusSeconds(20), observed));

        assertThat(last(driver.read(Topics.RPO.name(), RpoLagMeasured.class)).lag())
                .isEqualTo(Duration.ofSeconds(100));
    }

    @Test
    void capsTheArchiveAtALostStretchOfLogUntilANewBackupCompletes() {
        driver.send(policy(DB, RPO, Facts.KEEP_MUCH, T0));
        driver.send(completed(DB, "b1", T0));
        driver.send(archived(DB, T0.plusSeconds(60), T0.plusSeconds(60), T0.plusSeconds(60)));
        driver.advance(Duration.ofMinutes(2));
        driver.send(gap(DB, driver.now()));
        driver.send(archived(DB, driver.now(), driver.now(), driver.now()));

        assertThat(last(driver.read(Topics.RPO.name(), RpoLagMeasured.class)).restorablePoint())
                .isEqualTo(T0.plusSeconds(60));

        driver.send(completed(DB, "b2", driver.now().plusSeconds(1)));
        driver.advance(Duration.ofSeconds(5));
        driver.send(archived(DB, driver.now(), driver.now(), driver.now()));
        assertThat(last(driver.read(Topics.RPO.name(), RpoLagMeasured.class)).restorablePoint())
                .isEqualTo(driver.now());
        assertThat(driver.target(DB).getGaps()).hasSize(1).first().satisfies(g -> assertThat(g.closedBy())
                .isEqualTo("b2"));
    }

    @Test
    void firesNoEdgeWhileFoldingABacklogOfOldFactsAndBreachesOnceCaughtUp() {
        Instant then = T0.minus(Duration.ofHours(2));
        driver.sendAt(policy(DB, RPO, Facts.KEEP_MUCH, then), then);
        driver.sendAt(completed(DB, "b1", then), then);
        driver.advance(Duration.ofSeconds(1));
        assertThat(driver.read(Topics.RPO_EVENTS.name())).as("still catching up").isEmpty();

        driver.advance(Duration.ofSeconds(1));
        assertThat(driver.read(Topics.RPO_EVENTS.name())).hasSize(1).first().isInstanceOf(RpoBreached.class);
    }

    @Test
    void opensNoBreachForAPolicyWhoseBackupArrivesBeforeTheNextTick() {
        driver.send(policy(DB, RPO, Facts.KEEP_MUCH, T0.minus(Duration.ofHours(1))));
        driver.send(completed(DB, "b1", T0));
        driver.advance(Duration.ofSeconds(1));

        assertThat(driver.read(Topics.RPO_EVENTS.name())).isEmpty();
        assertThat(driver.target(DB).getRpo().breached()).isFalse();
    }

    @Test
    void publishesAnArchiveTipThatMovesEverySecondAtMostOncePerTick() {
        driver.send(policy(DB, RPO, Facts.KEEP_MUCH, T0));
        driver.send(completed(DB, "b1", T0));
        driver.read(Topics.RPO.name());
        for (int i = 1; i <= 5; i++) {
            driver.send(archived(DB, T0.plusMillis(100 * i), T0.plusMillis(100 * i), T0.plusMillis(100 * i)));
        }
        assertThat(driver.read(Topics.RPO.name())).as("throttled until the tick").isEmpty();

        driver.advance(Duration.ofSeconds(1));
        List<RpoLagMeasured> published = driver.read(Topics.RPO.name(), RpoLagMeasured.class);
        assertThat(published).hasSize(1);
        assertThat(published.get(0).restorablePoint()).isEqualTo(T0.plusMillis(500));

        driver.send(completed(DB, "b2", driver.now()));
        assertThat(driver.read(Topics.RPO.name())).as("a backup is published at once").hasSize(1);
    }

    @Test
    void measuresTheLagSinceProtectionBeganWhileNothingIsRestorable() {
        driver.send(policy(DB, RPO, Facts.KEEP_MUCH, T0));
        driver.advance(Duration.ofSeconds(30));

        RpoLagMeasured lag = last(driver.read(Topics.RPO.name(), RpoLagMeasured.class));
        assertThat(lag.lag()).isEqualTo(Duration.ofSeconds(30));
        assertThat(lag.restorablePoint()).isNull();
    }

    private static <T> T last(List<T> values) {
        assertThat(values).isNotEmpty();
        return values.get(values.size() - 1);
    }
}
