/**
 * The PostgreSQL actions of a failover over JDBC and an optional fence command: inspect a member, fence the old
 * primary, fence it again when it returns, promote the standby, verify the new primary accepts writes and estimate
 * the data lost; see DESIGN.md.
 */
package io.lifeboat.dr.postgres;
