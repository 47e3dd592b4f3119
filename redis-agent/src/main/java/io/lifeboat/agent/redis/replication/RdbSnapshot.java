package io.lifeboat.agent.redis.replication;

/**
 * What one replication fetch delivered: the framing the source used, the RDB byte count written out and, after
 * {@code PSYNC}, the replication id and offset the RDB corresponds to.
 *
 * @param framing how the payload was delimited on the wire
 * @param bytes RDB bytes written to the output (the EOF mark and length header excluded)
 * @param replicationId the source's replication id from {@code +FULLRESYNC}; null after {@code SYNC}
 * @param offset the replication offset from {@code +FULLRESYNC}; -1 after {@code SYNC}
 */
public record RdbSnapshot(RdbFraming framing, long bytes, String replicationId, long offset) {

    /** True when the source announced a replication id and offset ({@code PSYNC}). */
    public boolean hasReplicationOffset() {
        return replicationId != null;
    }
}
