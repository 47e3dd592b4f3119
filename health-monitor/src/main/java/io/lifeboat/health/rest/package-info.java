/** The monitor's REST API for operators: what it currently knows of each target. */
package io.lifeboat.health.rest;
