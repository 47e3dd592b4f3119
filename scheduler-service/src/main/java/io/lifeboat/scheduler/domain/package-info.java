/** Schedule arithmetic of the scheduler: cron times, misfires, staggering and run ids, with no I/O. */
package io.lifeboat.scheduler.domain;
