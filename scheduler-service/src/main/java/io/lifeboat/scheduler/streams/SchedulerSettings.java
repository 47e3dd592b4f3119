package io.lifeboat.scheduler.streams;

import java.time.Duration;

import io.lifeboat.scheduler.domain.PlannerSettings;

/**
 * The knobs of the scheduler topology.
 *
 * @param tick how often the wall-clock punctuator looks for due runs
 * @param planner how due slots become commands
 * @param catchUpThreshold how far behind the clock a fact may be before due runs wait for the backlog
 * @param persistentStores whether the schedule store lives in RocksDB rather than memory
 */
public record SchedulerSettings(Duration tick, PlannerSettings planner, Duration catchUpThreshold,
        boolean persistentStores) {
}
