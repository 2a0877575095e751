package io.shardhome.service.moves;

import io.shardhome.directory.blob.LinkStatusStore;
import io.shardhome.filter.rules.LinkRoles;
import io.shardhome.links.PublishedStatus;
import io.shardhome.service.moves.MoveException.Code;

/**
 * The checks before a move changes anything: the link is ready and the fence can close every way to write
 * the shard at the old home ({@link MoveFence#check}).
 */
final class MovePreflight {
    private MovePreflight() {}

    /**
     * @throws MoveException {@code LINK_NOT_READY}, {@code FENCE_IMPOSSIBLE}, {@code UNKNOWN_SITE} (no
     *     master account), {@code MASTER_FAILED}
     */
    static void check(MoveContext ctx, LinkStatusStore linkStatus, MoveRecord move) {
        String linkId = new LinkRoles(move.fromSite(), move.toSite()).linkId();
        PublishedStatus status = linkStatus
                .read(MoveEngine.statusKey(move.fromSite(), move.toSite()), PublishedStatus.class)
                .orElse(null);
        LinkReadiness.problem(linkId, status, ctx.settings(), System.currentTimeMillis())
                .ifPresent(problem -> {
                    throw new MoveException(Code.LINK_NOT_READY, "shard " + move.shard() + " cannot move: " + problem);
                });
        ReseedingCopies.problem(linkStatus, move.shard(), move.fromSite()).ifPresent(problem -> {
            throw new MoveException(Code.LINK_NOT_READY, "shard " + move.shard() + " cannot move: " + problem);
        });
        MoveFence.check(ctx, move);
    }
}
