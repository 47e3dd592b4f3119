/**
 * The scheduler as a Kafka Streams topology: policy commands and backup facts keyed by target, due runs issued on a
 * wall-clock punctuator, exactly once.
 */
package io.lifeboat.scheduler.streams;
