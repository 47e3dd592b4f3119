/**
 * The orchestrator's settings under {@code lifeboat.dr.*}, validated into records.
 */
package io.lifeboat.dr.config;
