/** Lifeboat scheduler-service: turns policies into backup, verify and drill commands when their schedules are due. */
package io.lifeboat.scheduler;
