/** The scheduler's decisions with no I/O: cron times, misfires, staggering, run ids, overlap and what is due. */
package io.lifeboat.scheduler.domain;
