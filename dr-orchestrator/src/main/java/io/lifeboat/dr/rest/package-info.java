/**
 * The orchestrator's REST API.
 */
package io.lifeboat.dr.rest;
