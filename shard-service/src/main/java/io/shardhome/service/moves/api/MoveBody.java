package io.shardhome.service.moves.api;

import io.shardhome.service.moves.MovePhase;
import io.shardhome.service.moves.MoveRecord;
import java.time.Instant;
import java.util.List;

/**
 * A move as the API shows it. Immutable.
 *
 * @param id the move id
 * @param phase the phase it is in (see the move engine's phases)
 * @param outcome RUNNING, MOVED or ROLLED_BACK
 * @param steps every phase entered, with its time
 * @param reason why it rolled back (empty otherwise)
 * @param outageMillis measured write outage, fence to unfence (0 while fenced or when never fenced)
 * @param waiting why the move waits to retry its current step, and when it retries (empty when it does not)
 * @param fencedAccounts the accounts that could write the shard at the old home before the fence
 * @param revokedGrants the database-level grants the fence revoked there (given at the new home when done)
 */
public record MoveBody(
        String id,
        String shard,
        String from,
        String to,
        String phase,
        String outcome,
        List<Step> steps,
        String reason,
        boolean cancelRequested,
        long outageMillis,
        String waiting,
        List<String> fencedAccounts,
        List<String> revokedGrants) {

    /** One phase entered. */
    public record Step(String phase, Instant at, String note) {}

    static MoveBody of(MoveRecord move) {
        return new MoveBody(
                move.moveId(),
                move.shard(),
                move.fromSite(),
                move.toSite(),
                move.phase().name(),
                outcome(move.phase()),
                move.steps().stream()
                        .map(s -> new Step(s.phase().name(), Instant.ofEpochMilli(s.atMillis()), s.note()))
                        .toList(),
                move.reason(),
                move.cancelRequested(),
                move.outageMillis(),
                move.waiting(),
                move.fencedAccounts(),
                move.revokedGrants().stream().map(Object::toString).toList());
    }

    static String outcome(MovePhase phase) {
        return switch (phase) {
            case DONE -> "MOVED";
            case ROLLED_BACK -> "ROLLED_BACK";
            default -> "RUNNING";
        };
    }
}
