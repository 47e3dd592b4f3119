package io.lifeboat.scheduler.domain;

/**
 * Which cron dialect an expression was parsed as, chosen by its number of fields.
 */
public enum CronSyntax {
    /** Five fields, minute first, as in crontab(5). */
    UNIX,
    /** Six or seven fields, seconds first, optional year; supports {@code L}, {@code W}, {@code #} and {@code ?}. */
    QUARTZ
}
