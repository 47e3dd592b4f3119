package io.lifeboat.catalog.domain.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.lifeboat.catalog.domain.ArchiveTip;
import io.lifeboat.catalog.domain.Chains;
import io.lifeboat.catalog.domain.LogGap;
import io.lifeboat.catalog.domain.PlanEntries;
import io.lifeboat.catalog.domain.RestorePoint;
import io.lifeboat.catalog.domain.TargetState;
import io.lifeboat.events.Engine;
import io.lifeboat.events.catalog.CatalogEntry;
import io.lifeboat.events.policy.FailoverMode;
import io.lifeboat.events.policy.PolicyDefined;
import io.lifeboat.events.policy.ProtectionTier;
import io.lifeboat.events.policy.Retention;

/** Fixed instants, states and chains shared by the window and planner tests. */
final class PlanFixtures {

    static final Instant DAY = Instant.parse("2024-03-01T00:00:00Z");

    private PlanFixtures() {
    }

    static Instant at(int hour) {
        return DAY.plus(Duration.ofHours(hour));
    }

    static Chains chains(PlanEntries... entries) {
        return new Chains(List.of(entries).stream().map(PlanEntries::build).toList());
    }

    /** A target whose oldest and newest bases were computed from {@code chains}, as the target fold does. */
    static TargetState state(Engine engine, Chains chains) {
        TargetState state = new TargetState(PlanEntries.TARGET);
        state.setEngine(engine);
        RestorePoint[] bounds = chains.bounds();
        state.setOldestBase(bounds[0]);
        state.setNewestBase(bounds[1]);
        return state;
    }

    /** An archive that had caught up with the source at {@code point}, so the point itself is restorable. */
    static ArchiveTip tipAt(Instant point) {
        return new ArchiveTip("0/9000000", point, "0/9000000", point, "000000010000000000000009", point);
    }

    static LogGap gap(Instant lostAfter, Instant reportedAt) {
        return new LogGap(lostAfter, "000000010000000000000004", "000000010000000000000005", reportedAt,
                "segment deleted before it was archived", null, null);
    }

    static PolicyDefined policy(Engine engine, Duration rto) {
        return new PolicyDefined(PlanEntries.TARGET, engine, "secret://orders", ProtectionTier.TIER_1, List.of(),
                true, Duration.ofMinutes(15), rto, new Retention(0, 7, 4, 0, 0, null), List.of(), null, null,
                FailoverMode.MANUAL, "ops", DAY);
    }

    static List<String> ids(List<CatalogEntry> entries) {
        return entries.stream().map(CatalogEntry::backupId).toList();
    }
}
