/** Lifeboat pg-agent: PostgreSQL base backups, continuous WAL archiving and point-in-time restores, reported as facts. */
package io.lifeboat.agent.pg;
