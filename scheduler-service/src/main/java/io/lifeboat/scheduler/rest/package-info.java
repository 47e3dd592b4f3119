/**
 * The scheduler's REST API (policies, next runs, backups on request), the policy view every instance keeps, and the
 * start-up policy file.
 */
package io.lifeboat.scheduler.rest;
