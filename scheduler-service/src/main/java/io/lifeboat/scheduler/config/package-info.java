/**
 * The scheduler's settings, {@code lifeboat.scheduler.*}.
 */
package io.lifeboat.scheduler.config;
