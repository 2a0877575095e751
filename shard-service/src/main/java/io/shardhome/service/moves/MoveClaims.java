package io.shardhome.service.moves;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.blob.MoveRecordStore;
import io.shardhome.directory.blob.VersionedBlob;
import io.shardhome.directory.zk.Json;
import io.shardhome.service.moves.MoveContext.Versioned;
import io.shardhome.service.moves.MoveException.Code;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shard's move record as a lock: claiming it for a new move, releasing it for a refused one, and
 * taking over an interrupted one. Every write is a compare-and-set. Stateless and thread-safe.
 */
final class MoveClaims {
    private static final Logger LOG = LoggerFactory.getLogger(MoveClaims.class);

    private MoveClaims() {}

    /** Takes the shard's move lock: creates its record, or replaces an ended move's, by compare-and-set. */
    static Versioned claim(MoveRecordStore records, MoveRecord move) {
        Optional<VersionedBlob> existing = records.read(move.shard());
        if (existing.isPresent()) {
            MoveRecord previous = Json.read(existing.get().data(), MoveRecord.class, "move record " + move.shard());
            if (!previous.phase().isTerminal()) {
                throw inProgress(move.shard(), previous.moveId());
            }
        }
        try {
            int version = records.update(
                    move.shard(),
                    Json.write(move),
                    existing.map(VersionedBlob::version).orElse(VersionedBlob.ABSENT));
            return new Versioned(move, version);
        } catch (DirectoryException e) {
            if (e.code() == DirectoryException.Code.CONFLICT) {
                throw inProgress(move.shard(), "a concurrent one");
            }
            throw new MoveException(
                    Code.DIRECTORY_FAILED,
                    "recording the move of " + move.shard() + " failed: " + e.getMessage()
                            + "; retry when the directory is reachable",
                    e);
        }
    }

    /** Ends a refused move's record (nothing changed yet), releasing the shard's move lock. */
    static void refuse(MoveRecordStore records, Versioned claimed, MoveException why) {
        MoveRecord ended = claimed.record()
                .withReason(why.code() + ": " + why.getMessage())
                .enter(MovePhase.ROLLED_BACK, now(), "refused: " + why.getMessage());
        try {
            records.update(claimed.record().shard(), Json.write(ended), claimed.version());
        } catch (DirectoryException e) {
            why.addSuppressed(e);
        }
    }

    /** Rolls back a move interrupted before it recorded its fence position; empty when it changed meanwhile. */
    static Optional<Versioned> rollBackInterrupted(MoveRecordStore records, Versioned move) {
        MoveRecord next = move.record()
                .withReason("the engine stopped during " + move.record().phase())
                .enter(MovePhase.ROLLING_BACK, now(), "recovery rolls back an interrupted fence");
        try {
            int version = records.update(move.record().shard(), Json.write(next), move.version());
            return Optional.of(new Versioned(next, version));
        } catch (DirectoryException e) {
            LOG.info(
                    "move {} changed during recovery ({}); leaving it",
                    move.record().moveId(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    static MoveException inProgress(String shard, String moveId) {
        return new MoveException(
                Code.MOVE_IN_PROGRESS,
                "shard " + shard + " is already moving (move " + moveId + "); wait for it to end or cancel it");
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
