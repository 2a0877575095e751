package io.shardhome.service.moves;

import io.shardhome.service.fence.GrantTables;
import io.shardhome.service.fence.Grantee;
import io.shardhome.service.fence.Revocation;
import io.shardhome.service.fence.SchemaAccess;
import io.shardhome.service.moves.MoveException.Code;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The fence's grant work, computed from the masters' grant tables (see {@link
 * io.shardhome.service.fence.WriteAccess}): which grants to revoke at the old home, proof that nobody
 * else can write there afterwards, and giving the same grants at the new home or back at the old one.
 * Stateless; errors are {@link MoveException}s.
 */
final class MoveFence {
    /** Rounds of revoking grants that appeared during the fence before the move gives up and rolls back. */
    private static final int MAX_ROUNDS = 5;

    private MoveFence() {}

    /**
     * Preflight: every way to write the shard at the old home can be closed per schema, and every grantee
     * of those grants exists at the target (the move gives them the same grants there).
     *
     * @throws MoveException {@code FENCE_IMPOSSIBLE} naming each account, grant and fix
     */
    static void check(MoveContext ctx, MoveRecord move) {
        SchemaAccess access = ctx.master(move.fromSite())
                .writeAccess(move.shard(), ctx.settings().trustedAccounts());
        if (!access.blockers().isEmpty()) {
            throw impossible(move, access, "at " + move.fromSite());
        }
        GrantTables target = ctx.master(move.toSite()).grantTables();
        List<String> missing = access.revocations().stream()
                .map(Revocation::grantee)
                .distinct()
                .filter(g -> !target.principals().containsKey(g))
                .map(Grantee::toString)
                .toList();
        if (!missing.isEmpty()) {
            throw new MoveException(
                    Code.FENCE_IMPOSSIBLE,
                    "shard " + move.shard() + " cannot move: " + String.join(", ", missing) + " can write it at "
                            + move.fromSite() + " but do not exist at " + move.toSite() + "; create them there"
                            + " first (the move gives them the same grants on " + move.shard() + " there)");
        }
    }

    /** The record with the grants the fence will revoke and the accounts it fences, before anything changes. */
    static MoveRecord plan(MoveContext ctx, MoveRecord move, long nowMillis) {
        SchemaAccess access = access(ctx, move);
        if (!access.blockers().isEmpty()) {
            throw impossible(move, access, "at " + move.fromSite());
        }
        return move.withFence(access.revocations(), names(access), nowMillis);
    }

    /**
     * Revokes the recorded grants, then reads the grant tables again: empty when nobody but trusted accounts
     * can write the shard at the old home any more; otherwise the record with the grants that appeared
     * meanwhile, to record and revoke in another round.
     *
     * @throws MoveException {@code FENCE_IMPOSSIBLE} when a way to write appeared that cannot be closed
     */
    static Optional<MoveRecord> close(MoveContext ctx, MoveRecord move, long nowMillis) {
        ctx.master(move.fromSite()).revoke(move.revokedGrants());
        SchemaAccess left = access(ctx, move);
        if (!left.blockers().isEmpty()) {
            throw impossible(move, left, "at " + move.fromSite() + " after revoking " + move.revokedGrants());
        }
        long rounds = move.steps().stream()
                .filter(s -> s.phase() == MovePhase.FENCING)
                .count();
        if (!left.isClosed() && rounds >= MAX_ROUNDS) {
            throw new MoveException(
                    Code.FENCE_IMPOSSIBLE,
                    "write grants on " + move.shard() + " at " + move.fromSite() + " kept appearing while the fence"
                            + " revoked them (" + rounds + " rounds, last " + left.revocations() + "); stop whoever"
                            + " grants them during the move and retry");
        }
        return left.isClosed()
                ? Optional.empty()
                : Optional.of(move.withFence(left.revocations(), names(left), nowMillis));
    }

    /** The users whose sessions on the shard the fence kills. */
    static List<String> fencedUsers(MoveRecord move) {
        return move.fencedAccounts().stream()
                .map(a -> Grantee.parse(a).user())
                .distinct()
                .toList();
    }

    /** Gives the revoked grants, on exactly the shard's schema, at the new home. */
    static void open(MoveContext ctx, MoveRecord move) {
        ctx.master(move.toSite()).grantOn(move.shard(), move.revokedGrants());
    }

    /** Gives the revoked grants back at the old home, as they were. */
    static void restore(MoveContext ctx, MoveRecord move) {
        ctx.master(move.fromSite()).restore(move.revokedGrants());
    }

    private static SchemaAccess access(MoveContext ctx, MoveRecord move) {
        return ctx.master(move.fromSite())
                .writeAccess(move.shard(), ctx.settings().trustedAccounts());
    }

    private static List<String> names(SchemaAccess access) {
        return access.writers().stream().map(g -> g.user() + "@" + g.host()).toList();
    }

    private static MoveException impossible(MoveRecord move, SchemaAccess access, String where) {
        return new MoveException(
                Code.FENCE_IMPOSSIBLE,
                "writes to " + move.shard() + " " + where + " cannot all be fenced per schema: "
                        + access.blockerLines().stream().collect(Collectors.joining("; "))
                        + "; fix them (or list administrators in shardhome.grants.trusted-accounts) and retry");
    }
}
