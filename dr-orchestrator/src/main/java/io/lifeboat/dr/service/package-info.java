/**
 * The failover loop: hears the monitors, drives the run machine, executes the steps and writes every transition
 * to the run log in one transaction; see DESIGN.md.
 */
package io.lifeboat.dr.service;
