package io.lifeboat.agent.pg.cdc;

import java.time.Instant;

import org.postgresql.replication.LogSequenceNumber;

/**
 * One change seen on a target's source: its WAL position ({@code source.lsn}), the commit time of its transaction
 * ({@code source.ts_us}, else {@code ts_ms}) and the transaction id ({@code source.txId}, 0 when absent).
 *
 * @param lsn WAL position of the change record; its transaction's commit record lies after it (see cdc/DESIGN.md)
 * @param commitTime commit time of the change's transaction on the source server's clock
 * @param transactionId PostgreSQL transaction id of the change
 */
public record CommitPoint(long lsn, Instant commitTime, long transactionId) {

    /** The LSN in PostgreSQL's text form, e.g. {@code 0/16B3748}. */
    public String lsnText() {
        return LogSequenceNumber.valueOf(lsn).asString();
    }

    @Override
    public String toString() {
        return lsnText() + "@" + commitTime + " (tx " + transactionId + ")";
    }
}
