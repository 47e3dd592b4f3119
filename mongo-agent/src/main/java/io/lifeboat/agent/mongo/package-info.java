/** Lifeboat mongo-agent: MongoDB logical dumps, oplog capture and point-in-time restores. */
package io.lifeboat.agent.mongo;
