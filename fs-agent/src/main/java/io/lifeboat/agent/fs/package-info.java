/** Lifeboat fs-agent: deduplicated, incremental, encrypted file-system snapshots and restores. */
package io.lifeboat.agent.fs;
