package io.shardhome.service.moves;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.shard.ShardRead;
import io.shardhome.directory.shard.ShardState;
import io.shardhome.directory.store.DirectoryStore;
import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.service.moves.MoveException.Code;
import java.util.Optional;

/**
 * The directory writes of a move, each a compare-and-set retried on a conflict with unrelated changes
 * (other shards' edits move the map version) and idempotent, so recovery can repeat them. Thread-safe.
 */
final class MoveDirectory {
    private static final int ATTEMPTS = 20;

    private final DirectoryStore store;

    MoveDirectory(DirectoryStore store) {
        this.store = store;
    }

    /** The shard's entry, or empty when it does not exist. */
    Optional<ShardEntry> entry(String shard) {
        try {
            return Optional.of(store.shard(shard).entry());
        } catch (DirectoryException e) {
            if (e.code() == DirectoryException.Code.UNKNOWN_SHARD) {
                return Optional.empty();
            }
            throw failed("reading shard " + shard, e);
        }
    }

    boolean siteExists(String site) {
        return store.site(site).isPresent();
    }

    /** Marks the shard FENCED towards {@code target}; a no-op when already so. */
    void fence(MoveRecord move) {
        edit(move, "fencing", entry -> {
            if (entry.state() == ShardState.FENCED && entry.moveTarget().equals(move.toSite())) {
                return null;
            }
            requireHome(entry, move.fromSite(), move, "fence");
            return entry.withState(ShardState.FENCED, move.toSite());
        });
    }

    /**
     * Makes the shard ACTIVE at its old home again; a no-op when this move's fence is not (or no longer) in
     * the directory: the shard is ACTIVE, was deleted, or was changed by someone else before the fence.
     */
    void unfence(MoveRecord move) {
        if (entry(move.shard()).isEmpty()) {
            return;
        }
        edit(move, "unfencing", entry -> {
            boolean ours = entry.state() == ShardState.FENCED
                    && entry.moveTarget().equals(move.toSite())
                    && entry.home().isSite(move.fromSite());
            return ours ? entry.withState(ShardState.ACTIVE, "") : null;
        });
    }

    /**
     * The flip: home = target and ACTIVE in one compare-and-set, with the home history moved on: the old
     * home's tenure ends at {@code fenceEnd}, the target's begins after {@code start}. A no-op when the home
     * is the target.
     *
     * @return the map version that holds the flip: the one the compare-and-set wrote, or (already flipped)
     *     the current one, which is no older
     */
    long flip(MoveRecord move, GtidSet fenceEnd, GtidSet start) {
        return edit(move, "flipping", entry -> {
            if (entry.home().isSite(move.toSite())) {
                return null;
            }
            if (entry.state() != ShardState.FENCED || !entry.moveTarget().equals(move.toSite())) {
                throw new MoveException(
                        Code.DIRECTORY_FAILED,
                        "move " + move.moveId() + " cannot flip shard " + move.shard() + ": it is " + entry.state()
                                + " towards '" + entry.moveTarget() + "', not FENCED towards " + move.toSite()
                                + "; someone changed it during the move: check the shard and its move record");
            }
            return new ShardEntry(entry.definition().movedTo(move.toSite(), fenceEnd, start), ShardState.ACTIVE, "");
        });
    }

    /** Whether the shard's home is the move's target (the flip happened). */
    boolean isFlipped(MoveRecord move) {
        return entry(move.shard()).map(e -> e.home().isSite(move.toSite())).orElse(false);
    }

    /** Applies {@code change}; returns the map version written, or the one read when nothing changed. */
    private long edit(MoveRecord move, String what, Change change) {
        DirectoryException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            ShardRead read = read(move, what);
            ShardEntry next = change.apply(read.entry());
            if (next == null) {
                return read.mapVersion();
            }
            try {
                return store.putShard(next, read.mapVersion());
            } catch (DirectoryException e) {
                if (e.code() != DirectoryException.Code.CONFLICT) {
                    throw failed(what + " shard " + move.shard(), e);
                }
                last = e;
            }
        }
        throw failed(what + " shard " + move.shard() + " lost " + ATTEMPTS + " compare-and-sets in a row", last);
    }

    private ShardRead read(MoveRecord move, String what) {
        try {
            return store.shard(move.shard());
        } catch (DirectoryException e) {
            throw failed(what + " shard " + move.shard(), e);
        }
    }

    private static void requireHome(ShardEntry entry, String home, MoveRecord move, String action) {
        if (!entry.home().isSite(home)) {
            throw new MoveException(
                    Code.DIRECTORY_FAILED,
                    "move " + move.moveId() + " cannot " + action + " shard " + move.shard() + ": its home is "
                            + entry.home() + ", not " + home + "; someone changed it during the move: check the"
                            + " shard and its move record");
        }
    }

    private static MoveException failed(String what, DirectoryException e) {
        return new MoveException(
                Code.DIRECTORY_FAILED,
                what + " failed in the directory: " + (e == null ? "" : e.getMessage())
                        + "; the move resumes when the directory is reachable (recover the moves)",
                e);
    }

    @FunctionalInterface
    private interface Change {
        /** The new entry, or null when nothing needs to change. */
        ShardEntry apply(ShardEntry current);
    }
}
