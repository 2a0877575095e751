package io.shardhome.service.moves;

import io.shardhome.service.fence.Revocation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The durable state of one move, stored as JSON in the shard's move record znode and replaced by
 * compare-and-set at every transition. Immutable; the {@code with...} methods return changed copies.
 *
 * @param moveId {@code <shard>-<suffix>}, unique per move
 * @param fromSite the shard's home when the move started
 * @param toSite the site the shard moves to
 * @param steps every phase entered, in order, with timestamps
 * @param revokedGrants the database-level grants on the shard's schema the fence revokes at the source:
 *     restored there as they were on roll-back, granted (escaped to exactly the schema) at the target when done
 * @param fencedAccounts the accounts that could write the schema at the source before the fence (their
 *     sessions on the schema are killed)
 * @param fencePosition the source master's GTID position read after the fence (empty before)
 * @param reason why the move rolled back (empty otherwise)
 * @param cancelRequested an operator asked to cancel; honoured before the flip
 * @param fencedAtMillis when writes were fenced (0: not yet)
 * @param unfencedAtMillis when writes were allowed again, at the new or the old home (0: not yet)
 * @param flipMapVersion the shard map version that holds the flip (0: not flipped yet, or a record written
 *     before this field existed: writes open at the new home without waiting for the links to see it)
 * @param waiting why the move waits to retry its current phase, and until when (empty when it does not)
 */
public record MoveRecord(
        String moveId,
        String shard,
        String fromSite,
        String toSite,
        MovePhase phase,
        List<MoveStep> steps,
        List<Revocation> revokedGrants,
        List<String> fencedAccounts,
        String fencePosition,
        String reason,
        boolean cancelRequested,
        long fencedAtMillis,
        long unfencedAtMillis,
        long flipMapVersion,
        String waiting) {
    public MoveRecord {
        Objects.requireNonNull(moveId, "moveId");
        Objects.requireNonNull(shard, "shard");
        Objects.requireNonNull(fromSite, "fromSite");
        Objects.requireNonNull(toSite, "toSite");
        Objects.requireNonNull(phase, "phase");
        steps = List.copyOf(steps == null ? List.of() : steps);
        revokedGrants = List.copyOf(revokedGrants == null ? List.of() : revokedGrants);
        fencedAccounts = List.copyOf(fencedAccounts == null ? List.of() : fencedAccounts);
        waiting = waiting == null ? "" : waiting;
        fencePosition = fencePosition == null ? "" : fencePosition;
        reason = reason == null ? "" : reason;
    }

    /** A new move in PREFLIGHT. */
    public static MoveRecord started(String moveId, String shard, String fromSite, String toSite, long nowMillis) {
        return new MoveRecord(
                moveId,
                shard,
                fromSite,
                toSite,
                MovePhase.PREFLIGHT,
                List.of(new MoveStep(MovePhase.PREFLIGHT, nowMillis, "")),
                List.of(),
                List.of(),
                "",
                "",
                false,
                0,
                0,
                0,
                "");
    }

    /** The shard part of a move id, or empty when the id is not of the form {@code <shard>-<suffix>}. */
    public static String shardOf(String moveId) {
        int dash = moveId == null ? -1 : moveId.lastIndexOf('-');
        return dash <= 0 ? "" : moveId.substring(0, dash);
    }

    /** This record in {@code next}, with a step recorded; it no longer waits. */
    public MoveRecord enter(MovePhase next, long nowMillis, String note) {
        return copy(change -> {
            change.phase = next;
            change.steps.add(new MoveStep(next, nowMillis, note));
            change.waiting = "";
        });
    }

    /**
     * Adds grants to revoke and accounts to fence (kept in order, without repeats); the fence time is that of
     * the first call.
     */
    public MoveRecord withFence(List<Revocation> grants, List<String> accounts, long nowMillis) {
        return copy(change -> {
            LinkedHashSet<Revocation> allGrants = new LinkedHashSet<>(change.revokedGrants);
            allGrants.addAll(grants);
            LinkedHashSet<String> allAccounts = new LinkedHashSet<>(change.fencedAccounts);
            allAccounts.addAll(accounts);
            change.revokedGrants = List.copyOf(allGrants);
            change.fencedAccounts = List.copyOf(allAccounts);
            change.fencedAtMillis = change.fencedAtMillis == 0 ? nowMillis : change.fencedAtMillis;
        });
    }

    /** This record, waiting to retry its phase for the reason given. */
    public MoveRecord withWaiting(String why) {
        return copy(change -> change.waiting = why);
    }

    public MoveRecord withFencePosition(String position) {
        return copy(change -> change.fencePosition = position);
    }

    public MoveRecord withReason(String why) {
        return copy(change -> change.reason = why);
    }

    public MoveRecord withCancelRequested() {
        return copy(change -> change.cancelRequested = true);
    }

    public MoveRecord withUnfenced(long nowMillis) {
        return copy(change -> change.unfencedAtMillis = fencedAtMillis == 0 ? 0 : nowMillis);
    }

    public MoveRecord withFlipMapVersion(long mapVersion) {
        return copy(change -> change.flipMapVersion = mapVersion);
    }

    /** A copy of this record with what {@code edit} changes; identity and sites never change. */
    private MoveRecord copy(Consumer<Changes> edit) {
        Changes change = new Changes(this);
        edit.accept(change);
        return new MoveRecord(
                moveId,
                shard,
                fromSite,
                toSite,
                change.phase,
                change.steps,
                change.revokedGrants,
                change.fencedAccounts,
                change.fencePosition,
                change.reason,
                change.cancelRequested,
                change.fencedAtMillis,
                change.unfencedAtMillis,
                change.flipMapVersion,
                change.waiting);
    }

    /**
     * The mutable part of a record while one transition edits it. Mutable so that each transition assigns
     * only the fields it changes; it never escapes {@link #copy}, and the record's constructor copies the lists.
     */
    private static final class Changes {
        MovePhase phase;
        List<MoveStep> steps;
        List<Revocation> revokedGrants;
        List<String> fencedAccounts;
        String fencePosition;
        String reason;
        boolean cancelRequested;
        long fencedAtMillis;
        long unfencedAtMillis;
        long flipMapVersion;
        String waiting;

        Changes(MoveRecord from) {
            phase = from.phase;
            steps = new ArrayList<>(from.steps);
            revokedGrants = from.revokedGrants;
            fencedAccounts = from.fencedAccounts;
            fencePosition = from.fencePosition;
            reason = from.reason;
            cancelRequested = from.cancelRequested;
            fencedAtMillis = from.fencedAtMillis;
            unfencedAtMillis = from.unfencedAtMillis;
            flipMapVersion = from.flipMapVersion;
            waiting = from.waiting;
        }
    }

    /** The measured write outage (fence to unfence) in milliseconds, or -1 when writes were never fenced or are still fenced. */
    public long outageMillis() {
        return fencedAtMillis > 0 && unfencedAtMillis >= fencedAtMillis ? unfencedAtMillis - fencedAtMillis : -1;
    }

    /** When the move entered {@code wanted} last, or -1. */
    public long enteredAtMillis(MovePhase wanted) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).phase() == wanted) {
                return steps.get(i).atMillis();
            }
        }
        return -1;
    }
}
