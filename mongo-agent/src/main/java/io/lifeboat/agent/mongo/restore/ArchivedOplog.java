package io.lifeboat.agent.mongo.restore;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import com.mongodb.reactivestreams.client.MongoClient;

import io.lifeboat.agent.mongo.oplog.NamespaceScope;
import io.lifeboat.agent.mongo.oplog.OplogApplier;
import io.lifeboat.agent.mongo.oplog.OplogApplyException;
import io.lifeboat.agent.mongo.oplog.OplogGapException;
import io.lifeboat.agent.mongo.oplog.OplogPosition;
import io.lifeboat.agent.mongo.oplog.OplogReplay;
import io.lifeboat.agent.mongo.oplog.OplogSlice;
import io.lifeboat.agent.mongo.oplog.OplogStore;
import io.lifeboat.agentkit.agent.RestoreEngine.RestoreFailure;
import io.lifeboat.agentkit.pipeline.Manifest;

/**
 * The oplog a target's continuous capture archived after one dump, as a restore continues it: checks before the
 * restore writes anything that the archive covers the dump's end (capture that began later may have missed
 * entries), crosses no recorded hole and reaches the recovery point; then replays it through an
 * {@link OplogApplier} up to the point, and checks that the point was reached rather than stopping silently at the
 * newest archived entry.
 */
final class ArchivedOplog {

    private final OplogStore store;
    private final Manifest backup;
    private final OplogPosition end;

    /** The archived oplog in {@code store} after {@code backup}, which is consistent at {@code end}. */
    ArchivedOplog(OplogStore store, Manifest backup, OplogPosition end) {
        this.store = store;
        this.backup = backup;
        this.end = end;
    }

    /**
     * Checks, before anything is written, that the archive can take the restore to {@code point}: slices exist and
     * begin at or before the dump's end, no recorded hole lies on the way, and the newest slice reaches the point.
     */
    void check(RecoveryPoint point) throws RestoreFailure {
        List<OplogSlice> slices = slices();
        if (slices.isEmpty()) {
            if (point.latest()) {
                return;
            }
            throw new RestoreFailure("replay", "no oplog of " + target() + " is archived under '" + store.prefix()
                    + "' (is continuous-oplog on?), so " + point.text() + " cannot be reached past the end of backup '"
                    + backup.backupId() + "' at " + end + " (" + end.instant() + ")", false);
        }
        if (slices.get(0).first().isAfter(end)) {
            throw new RestoreFailure("replay", "the archived oplog of " + target() + " begins at " + slices.get(0)
                    .first() + ", after the end of backup '" + backup.backupId() + "' at " + end + ": entries in "
                    + "between may be missing, so " + point.text() + " cannot be reached from this backup (take a "
                    + "new backup while capture runs)", false);
        }
        try {
            OplogReplay.refuseGaps(store, end, until(point));
        } catch (OplogGapException e) {
            throw gapFailure(point, e);
        } catch (IOException e) {
            throw new RestoreFailure("download", e.getMessage(), true, e);
        }
        OplogSlice newest = slices.get(slices.size() - 1);
        // Entries of the newest slice's last second may carry wall clock times up to its end.
        boolean short_ = point.until().map(u -> u.position().map(p -> p.isAfter(newest.last())).orElse(false) || u
                .time().map(t -> !t.isBefore(newest.last().instant().plusSeconds(1))).orElse(false)).orElse(false);
        if (short_) {
            throw endsBefore(point, newest);
        }
    }

    /** Applies the archived entries after the dump's end up to {@code point} into {@code client}. */
    OplogReplay.Result replay(MongoClient client, NamespaceScope scope, RecoveryPoint point) throws RestoreFailure {
        List<OplogSlice> slices = slices();
        if (slices.isEmpty()) {
            return new OplogReplay.Result(Optional.empty(), Optional.empty(), 0, false);
        }
        OplogReplay.Result result;
        try {
            result = new OplogReplay(new OplogApplier(client, scope)).replay(store, end, until(point));
        } catch (OplogGapException e) {
            throw gapFailure(point, e);
        } catch (OplogApplyException e) {
            throw new RestoreFailure("replay", "unable to apply the archived oplog of " + target() + ": " + e
                    .getMessage() + " (the destination holds the dump and the entries before it)", false, e);
        } catch (IOException e) {
            throw new RestoreFailure("download", e.getMessage(), true, e);
        }
        if (!point.latest() && !result.reachedTarget() && !exactlyAt(point, result)) {
            throw endsBefore(point, slices.get(slices.size() - 1));
        }
        return result;
    }

    private List<OplogSlice> slices() throws RestoreFailure {
        try {
            return store.slices();
        } catch (IOException e) {
            throw new RestoreFailure("download", e.getMessage(), true, e);
        }
    }

    private String target() {
        return "target '" + backup.targetId() + "'";
    }

    private static OplogReplay.Until until(RecoveryPoint point) {
        return point.until().orElse(new OplogReplay.Until(Optional.empty(), Optional.empty(), true));
    }

    private static RestoreFailure gapFailure(RecoveryPoint point, OplogGapException e) {
        return new RestoreFailure("replay", e.getMessage() + "; " + point.text() + " lies beyond the hole: restore "
                + "to a point before it, or from a backup taken after it", false, e);
    }

    private RestoreFailure endsBefore(RecoveryPoint point, OplogSlice newest) {
        return new RestoreFailure("replay", "the archived oplog of " + target() + " ends at " + newest.last() + " ("
                + newest.last().instant() + "), before " + point.text() + ": the state at that point is not known "
                + "yet (capture behind, or no write since); restore with recoverToLatest to reach " + newest.last(),
                false);
    }

    /** Whether the last applied entry is the inclusive target position itself. */
    private static boolean exactlyAt(RecoveryPoint point, OplogReplay.Result result) {
        return point.until().flatMap(OplogReplay.Until::position).filter(p -> point.until().get().inclusive())
                .equals(result.lastApplied());
    }
}
