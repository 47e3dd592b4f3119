package io.lifeboat.events.policy;

import java.time.Duration;

/**
 * How long each grandfather-father-son bucket keeps a backup; a bucket without an age keeps its count forever.
 *
 * @param hourly age beyond which the hourly bucket stops keeping a backup (optional)
 * @param daily age beyond which the daily bucket stops keeping a backup (optional)
 * @param weekly age beyond which the weekly bucket stops keeping a backup (optional)
 * @param monthly age beyond which the monthly bucket stops keeping a backup (optional)
 * @param yearly age beyond which the yearly bucket stops keeping a backup (optional)
 */
public record RetentionAges(Duration hourly, Duration daily, Duration weekly, Duration monthly, Duration yearly) {
}
